using EmailSecurity.Client;

namespace EmailSecurity.Cmdlets.Settings
{
    /// <summary>One settings collection of the API: where it lives and how to name its objects to a person.</summary>
    internal sealed class SettingsEndpoint
    {
        public SettingsEndpoint(string path, string noun, string idName)
        {
            Path = path;
            Noun = noun;
            IdName = idName;
        }

        /// <summary>The collection path, e.g. "/settings/block_senders".</summary>
        public string Path { get; }

        /// <summary>What one object is called in messages, e.g. "blocked sender".</summary>
        public string Noun { get; }

        public string IdName { get; }

        public ApiPath Collection => ApiPath.Of(Path);

        public ApiPath Item(string id) => ApiPath.Of(Path + "/", id, string.Empty, IdName);
    }
}
