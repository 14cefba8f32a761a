using System.Globalization;
using Fangkong.Core.Common;

namespace Fangkong.Core.Documents;

/// <summary>
/// How an exported column's cells are written. Declared with the column, never guessed from a value: an 18-digit id
/// written as a number is rounded by every spreadsheet program to 15 significant digits (4.57809120462881E+017).
/// </summary>
public enum ColumnKind
{
    /// <summary>Words, dates, labels: a text cell.</summary>
    Text = 0,
    /// <summary>Ids, ID numbers, phones, barcodes, tube and room numbers, district codes, any code: a text cell, even when the value is a number.</summary>
    Identifier = 1,
    /// <summary>A count or a measurement (contacts, swabs, minutes, a temperature): a number cell a spreadsheet can sum; text when the value is not a number.</summary>
    Quantity = 2,
}

/// <summary>One column of an exported table: its title in the reader's language and how its cells are written.</summary>
public readonly record struct TableColumn(string Title, ColumnKind Kind = ColumnKind.Text)
{
    public static TableColumn Text(string title) => new(title, ColumnKind.Text);
    public static TableColumn Identifier(string title) => new(title, ColumnKind.Identifier);
    public static TableColumn Quantity(string title) => new(title, ColumnKind.Quantity);
}

/// <summary>A line list's column: its title as a key of Documents/Messages.resx ("Documents.Column.Name"), with its kind.</summary>
public readonly record struct LineColumn(string Key, ColumnKind Kind = ColumnKind.Text)
{
    public static LineColumn Text(string key) => new(key, ColumnKind.Text);
    public static LineColumn Identifier(string key) => new(key, ColumnKind.Identifier);
    public static LineColumn Quantity(string key) => new(key, ColumnKind.Quantity);

    /// <summary>The columns as a reader of <paramref name="culture"/> sees them.</summary>
    public static IReadOnlyList<TableColumn> In(IReadOnlyList<LineColumn> columns, CultureInfo culture) =>
        [.. columns.Select(c => new TableColumn(Messages.Get(culture, c.Key), c.Kind))];
}
