using System.Collections.Generic;
using EmailSecurity.Client;

namespace EmailSecurity.Cmdlets.Settings
{
    /// <summary>One settings collection of the API: where it lives and how to name its objects to a person.</summary>
    internal sealed class SettingsEndpoint
    {
        /// <param name="describedBy">The fields that tell a person which object an id is (shown by tab completion).</param>
        public SettingsEndpoint(string path, string noun, string idName, params string[] describedBy)
        {
            Path = path;
            Noun = noun;
            IdName = idName;
            DescribedBy = describedBy;
        }

        /// <summary>The collection path, e.g. "/settings/block_senders".</summary>
        public string Path { get; }

        /// <summary>What one object is called in messages, e.g. "blocked sender".</summary>
        public string Noun { get; }

        public string IdName { get; }

        public IReadOnlyList<string> DescribedBy { get; }

        public ApiPath Collection => ApiPath.Of(Path);

        public ApiPath Item(string id) => ApiPath.Of(Path + "/", id, string.Empty, IdName);
    }
}

namespace EmailSecurity.Cmdlets.Settings
{
    /// <summary>A cmdlet that works on one settings endpoint; lets completers find the endpoint from the command name.</summary>
    internal interface ISettingsCommand
    {
        SettingsEndpoint Endpoint { get; }
    }
}
