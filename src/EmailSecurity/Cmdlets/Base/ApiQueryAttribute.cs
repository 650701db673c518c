using System;

namespace EmailSecurity.Cmdlets
{
    /// <summary>Marks a cmdlet parameter as a query parameter of a list, under the API's own name.</summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class ApiQueryAttribute : Attribute
    {
        public ApiQueryAttribute(string name)
        {
            Name = name;
        }

        public string Name { get; }
    }
}
