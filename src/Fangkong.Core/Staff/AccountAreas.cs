using System.Globalization;
using Fangkong.Core.Accounts;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Staff;

/// <summary>
/// Turns an area as an administrator writes it — a level and an id, "社区:12" or "community:12" — into an
/// <see cref="AccountArea"/> that exists in the store: a district by its code, a street, community or grid by its id, a
/// venue by its id. The one place areas are resolved, so a level added later is one more arm here (ADR 0023).
/// </summary>
public static class AccountAreas
{
    private const string VenueLevel = "venue";

    private static readonly Dictionary<string, string> LevelNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["city"] = nameof(JurisdictionLevel.City),
        ["市"] = nameof(JurisdictionLevel.City),
        ["district"] = nameof(JurisdictionLevel.District),
        ["区"] = nameof(JurisdictionLevel.District),
        ["区县"] = nameof(JurisdictionLevel.District),
        ["县"] = nameof(JurisdictionLevel.District),
        ["street"] = nameof(JurisdictionLevel.Street),
        ["街道"] = nameof(JurisdictionLevel.Street),
        ["乡镇"] = nameof(JurisdictionLevel.Street),
        ["community"] = nameof(JurisdictionLevel.Community),
        ["社区"] = nameof(JurisdictionLevel.Community),
        ["村"] = nameof(JurisdictionLevel.Community),
        ["grid"] = nameof(JurisdictionLevel.Grid),
        ["网格"] = nameof(JurisdictionLevel.Grid),
        [VenueLevel] = VenueLevel,
        ["场所"] = VenueLevel,
    };

    /// <summary>"level:id" (either colon) or empty for none.</summary>
    public static Task<AccountArea> ResolveAsync(FangkongDb db, string field, string? text, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text)) return Task.FromResult(AccountArea.None);
        var parts = text.Trim().Split([':', '：'], 2);
        if (parts.Length != 2) throw new InputException(field, Messages.Get("Staff.Area.Format"));
        return ResolveAsync(db, field, parts[0], parts[1], ct);
    }

    public static async Task<AccountArea> ResolveAsync(FangkongDb db, string field, string? level, string? id, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(level) && string.IsNullOrWhiteSpace(id)) return AccountArea.None;
        if (level is null || !LevelNames.TryGetValue(level.Trim(), out var name)) throw new InputException(field, Messages.Get("Staff.Area.Level"));
        var key = (id ?? "").Trim();
        if (!long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) throw new InputException(field, Messages.Get("Staff.Area.Id"));
        var exists = name switch
        {
            VenueLevel => await db.Venues.AnyAsync(v => v.Id == n, ct),
            nameof(JurisdictionLevel.City) => await db.Districts.AnyAsync(d => d.CityCode == key, ct),
            nameof(JurisdictionLevel.District) => await db.Districts.AnyAsync(d => d.Code == key, ct),
            nameof(JurisdictionLevel.Street) => await db.Streets.AnyAsync(s => s.Id == n, ct),
            nameof(JurisdictionLevel.Community) => await db.Communities.AnyAsync(c => c.Id == n, ct),
            nameof(JurisdictionLevel.Grid) => await db.Grids.AnyAsync(g => g.Id == n, ct),
            _ => false,
        };
        if (!exists) throw new InputException(field, Messages.Get("Staff.Area.Unknown", $"{level.Trim()}:{key}"));
        return name == VenueLevel ? new AccountArea(null, null, n) : new AccountArea(Enum.Parse<JurisdictionLevel>(name), n, null);
    }

    /// <summary>
    /// The names of <paramref name="areas"/> by their "level:id" form — 龙山区, 福镇社区 · 第1网格, 政务中心 — for lists that show
    /// an account's area to a person rather than to a file. One read per distinct area: a page holds few.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> NamesAsync(FangkongDb db, IEnumerable<AccountArea> areas, CancellationToken ct)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var area in areas.Distinct())
        {
            var key = area.ToString();
            if (key.Length == 0) continue;
            var name = area switch
            {
                { VenueId: { } venue } => await db.Venues.Where(v => v.Id == venue).Select(v => v.Name).FirstOrDefaultAsync(ct),
                { Level: { } level, Id: { } id } => (await Jurisdictions.AreaAsync(db, level, id, ct))?.Name,
                _ => null,
            };
            if (!string.IsNullOrEmpty(name)) names[key] = name;
        }
        return names;
    }
}
