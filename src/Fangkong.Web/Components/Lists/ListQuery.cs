using System.Globalization;
using Fangkong.Core.Common;

namespace Fangkong.Web.Components.Lists;

/// <summary>Reads a line-list page's query string into filter values (a wrong one names its field) and writes it back into links.</summary>
public static class ListQuery
{
    public static TEnum? Enum<TEnum>(string? value, string field) where TEnum : struct, System.Enum =>
        string.IsNullOrWhiteSpace(value) ? null
        : System.Enum.TryParse<TEnum>(value, ignoreCase: true, out var v) && System.Enum.IsDefined(v) ? v
        : throw new InputException(field, Messages.Get("Common.NotAValue", value, field));

    public static DateOnly? Date(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            throw new InputException(field, HostText.Get("Lists.DateFormat", field));
        PlausibleDates.Check(d, field);
        return d;
    }

    public static bool? Bool(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? null
        : bool.TryParse(value, out var b) ? b
        : throw new InputException(field, HostText.Get("Lists.TrueOrFalse", field));

    public static long? Id(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? null
        : long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id
        : throw new InputException(field, HostText.Get("Lists.PositiveId", field));

    public static string Link(string path, params (string Name, string? Value)[] query)
    {
        var parts = query.Where(q => !string.IsNullOrEmpty(q.Value)).Select(q => $"{q.Name}={Uri.EscapeDataString(q.Value!)}").ToList();
        return parts.Count == 0 ? path : path + "?" + string.Join('&', parts);
    }
}
