using System;
using System.Management.Automation;

namespace EmailSecurity.Cmdlets.Investigate
{
    /// <summary>
    /// Refuses, at parameter binding, a string that is not base64 (the API would refuse it after the upload).
    /// </summary>
    public sealed class ValidateBase64Attribute : ValidateArgumentsAttribute
    {
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            var text = arguments is PSObject wrapped ? wrapped.BaseObject?.ToString() : arguments?.ToString();
            try
            {
                Convert.FromBase64String(text ?? string.Empty);
            }
            catch (FormatException)
            {
                throw new ValidationMetadataException("The value is not base64. Give the EML file's content " +
                    "base64-encoded, or give the file itself with -EmlPath.");
            }
        }
    }
}
