using System;

namespace EmailSecurity.Cmdlets
{
    /// <summary>
    /// Marks a cmdlet parameter as a field of the request body, under the API's own name; on a property that is no
    /// parameter, a value the cmdlet works out itself (see BoundApiValues).
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class ApiFieldAttribute : Attribute
    {
        public ApiFieldAttribute(string name)
        {
            Name = name;
        }

        public string Name { get; }
    }
}
