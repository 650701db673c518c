using System;

namespace EmailSecurity.Models
{
    /// <summary>
    /// Hand-tuned: this type's table gives an inherited column another width than the base class does.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
    internal sealed class ColumnWidthAttribute : Attribute
    {
        public ColumnWidthAttribute(string property, int width)
        {
            Property = property;
            Width = width;
        }

        public string Property { get; }

        public int Width { get; }
    }
}
