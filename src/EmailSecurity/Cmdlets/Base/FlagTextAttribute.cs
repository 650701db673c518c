using System;
using System.Management.Automation;

namespace EmailSecurity.Cmdlets
{
    /// <summary>
    /// Lets a switch bound by property name take the text a CSV file holds ("True", "False", "1", "0", empty).
    /// PowerShell cannot turn the string "True" into a switch, and skips such a binding without a word, which would
    /// send the flag as false: a regular expression stored as a literal, an exemption lost. Other text is refused.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class FlagTextAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            if (!((inputData is PSObject wrapped ? wrapped.BaseObject : inputData) is string text))
            {
                return inputData;
            }

            return Parse(text) ?? throw new ArgumentTransformationMetadataException(
                $"'{text}' is not a true or false value (True, False, 1, 0).");
        }

        /// <summary>
        /// True for "True" or "1", false for "False", "0" or empty (any case, spaces around), null for other text.
        /// </summary>
        internal static bool? Parse(string text)
        {
            switch (text.Trim().ToUpperInvariant())
            {
                case "TRUE":
                case "1":
                    return true;
                case "FALSE":
                case "0":
                case "":
                    return false;
                default:
                    return null;
            }
        }
    }
}
