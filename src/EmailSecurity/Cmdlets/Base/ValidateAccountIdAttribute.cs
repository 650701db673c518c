using System.Linq;
using System.Management.Automation;
using EmailSecurity.Client;

namespace EmailSecurity.Cmdlets
{
    /// <summary>Refuses, at parameter binding, a value that cannot be a Cloudflare account id, with a message that
    /// says where to find the right one.</summary>
    public sealed class ValidateAccountIdAttribute : ValidateArgumentsAttribute
    {
        /// <summary>Why the text is not an account id, or null when it can be one.</summary>
        internal static string? Problem(string? account)
        {
            if (string.IsNullOrEmpty(account))
            {
                return "it is empty";
            }

            if (account!.Length > 64)
            {
                return "it is longer than 64 characters";
            }

            return account.All(c => (c < 128 && char.IsLetterOrDigit(c)) || c == '-' || c == '_')
                ? null
                : "it may hold only letters, digits, '-' and '_'";
        }

        internal static string Message(string? account, string problem) =>
            $"'{ApiPath.Printable(account ?? string.Empty)}' is not a Cloudflare account id: {problem}. The account " +
            "id is the 32 hexadecimal characters after dash.cloudflare.com/ in the dashboard's address.";

        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            var text = arguments is PSObject wrapped ? wrapped.BaseObject?.ToString() : arguments?.ToString();
            if (Problem(text) is string problem)
            {
                throw new ValidationMetadataException(Message(text, problem));
            }
        }
    }
}
