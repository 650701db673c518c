namespace EmailSecurity.Cmdlets.Settings
{
    /// <summary>How -WhatIf and -Confirm name the entry a Set or Remove works on.</summary>
    internal static class SettingsTarget
    {
        /// <summary>"contoso.example (id)" when the entry itself was piped in; the bare id otherwise.</summary>
        public static string Describe(string id, Models.SettingsObject? piped)
        {
            var name = piped != null && piped.Id == id ? piped.ToString() : null;
            return string.IsNullOrEmpty(name) || name == id ? id : $"{name} ({id})";
        }
    }
}
