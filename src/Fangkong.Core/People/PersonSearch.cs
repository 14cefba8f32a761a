using System.Text.RegularExpressions;

namespace Fangkong.Core.People;

/// <summary>
/// Turns what an officer types into one indexed condition: an ID or document number, a mobile number, or the
/// start of a name. One condition per query keeps each search an index seek on a city of millions, where an
/// OR over the three columns would scan the table.
/// </summary>
public static partial class PersonSearch
{
    [GeneratedRegex(@"^1[3-9]\d{9}$")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"^[0-9A-Za-z]{5,20}$")]
    private static partial Regex Document();

    public static IQueryable<Person> Apply(IQueryable<Person> persons, string? q)
    {
        if (string.IsNullOrWhiteSpace(q)) return persons;
        var s = q.Trim();
        if (Mobile().IsMatch(s)) return persons.Where(p => p.Phone == s);
        if (Document().IsMatch(s))
        {
            var number = s.ToUpperInvariant();
            return persons.Where(p => p.DocumentNumber == number);
        }
        // A name prefix as a range, so both stores seek the Name index (LIKE with a parameter would scan).
        var upper = NameRange.UpperBound(s);
#pragma warning disable CA1309 // translated to SQL comparison operators; EF Core translates only the two-argument overload
        return upper is null
            ? persons.Where(p => string.Compare(p.Name, s) >= 0)
            : persons.Where(p => string.Compare(p.Name, s) >= 0 && string.Compare(p.Name, upper) < 0);
#pragma warning restore CA1309
    }
}
