using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Fangkong.Core.Common;

/// <summary>Checks shared by the line lists' filters, each naming the field it rejects.</summary>
public static partial class LineFilters
{
    public const int MaxSpanDays = 366;

    [GeneratedRegex(@"^\d{6}$")]
    private static partial Regex DistrictCode();

    public static void CheckDates(DateOnly? from, DateOnly? to, string toField = "to")
    {
        if (from is { } f && to is { } t)
        {
            if (t < f) throw new InputException(toField, $"结束日期不能早于开始日期 / '{toField}' is before its start");
            if (t.DayNumber - f.DayNumber > MaxSpanDays) throw new InputException(toField, "日期范围不能超过一年 / the range may not exceed a year");
        }
    }

    public static void Defined<TEnum>(TEnum? value, string field) where TEnum : struct, Enum
    {
        if (value is { } v && !Enum.IsDefined(v)) throw new InputException(field, $"无效的取值 / '{v}' is not a valid {field}");
    }

    /// <summary>A six-digit administrative division code, or null when none was given.</summary>
    public static string? District(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        var c = code.Trim();
        return DistrictCode().IsMatch(c) ? c : throw new InputException("district", "区县代码应为6位数字 / the district code has six digits");
    }

    private static readonly ConcurrentDictionary<Type, string[]> FieldNames = new();

    /// <summary>The fields a filter (or paging) record is given by, camelCase as the API and the stored jobs spell them.</summary>
    public static IReadOnlyList<string> Fields(Type record) => FieldNames.GetOrAdd(record, t =>
        [.. t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))]);

    /// <summary>
    /// Refuses a field that is not one of <paramref name="known"/> (compared as the binders do, ignoring case): a
    /// misspelt filter would otherwise be ignored, and the whole list of personal data shown or exported.
    /// </summary>
    /// <param name="prefix">Put before the field's name in the error, e.g. "filter." for an export's filter.</param>
    public static void OnlyKnown(IEnumerable<string> given, IReadOnlyCollection<string> known, string prefix = "")
    {
        foreach (var field in given)
            if (!known.Contains(field, StringComparer.OrdinalIgnoreCase))
                throw new InputException(prefix + field,
                    $"没有这个筛选条件：{field}（可用：{string.Join("、", known)}） / '{field}' is not a field here; the fields are {string.Join(", ", known)}");
    }
}
