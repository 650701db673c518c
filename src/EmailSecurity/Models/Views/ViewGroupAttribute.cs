using System;

namespace EmailSecurity.Models
{
    /// <summary>
    /// Groups the type's table by a property, each group under "Label: value" (the message a line is of).
    /// </summary>
    [AttributeUsage(AttributeTargets.Class)]
    internal sealed class ViewGroupAttribute : Attribute
    {
        public ViewGroupAttribute(string property, string label)
        {
            Property = property;
            Label = label;
        }

        public string Property { get; }

        public string Label { get; }
    }
}
