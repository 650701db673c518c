using System;

namespace EmailSecurity.Models
{
    /// <summary>
    /// Shows the property as a column of its type's table view (the default view). The build writes the views from
    /// these attributes (tools/ViewBuilder): a date is shown in local time to the minute, a flag as Yes or No, a list
    /// joined with commas, anything else as PowerShell shows it.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    internal sealed class TableColumnAttribute : Attribute
    {
        /// <param name="position">Where the column comes: columns are ordered by it, inherited ones included.</param>
        public TableColumnAttribute(int position)
        {
            Position = position;
        }

        public int Position { get; }

        /// <summary>In characters; none (0) for the last column, which takes the rest of the line.</summary>
        public int Width { get; set; }

        /// <summary>
        /// The header, when it is not the property's name; the objects get a property of that name too.
        /// </summary>
        public string? Label { get; set; }

        public bool AlignRight { get; set; }

        /// <summary>Shows the value as PowerShell does (True, not Yes), without the formatting its type gets.</summary>
        public bool Raw { get; set; }

        /// <summary>Hand-tuned: the cell's script block, in place of the one the property's type gives.</summary>
        public string? Script { get; set; }
    }
}
