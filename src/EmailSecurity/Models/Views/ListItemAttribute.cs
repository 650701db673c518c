using System;

namespace EmailSecurity.Models
{
    /// <summary>
    /// Shows the property in its type's list view (Format-List): a date in local time to the second, a list joined
    /// with commas, anything else as PowerShell shows it. Written by the build with the table view.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    internal sealed class ListItemAttribute : Attribute
    {
        /// <param name="position">Where the item comes: items are ordered by it, inherited ones included.</param>
        public ListItemAttribute(int position)
        {
            Position = position;
        }

        public int Position { get; }

        /// <summary>
        /// The label, when it is not the property's name; the objects get a property of that name too.
        /// </summary>
        public string? Label { get; set; }

        /// <summary>Shown only when it has a value.</summary>
        public bool WhenSet { get; set; }

        /// <summary>Hand-tuned: the item's script block, in place of the one the property's type gives.</summary>
        public string? Script { get; set; }
    }
}
