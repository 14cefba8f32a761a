using System.Globalization;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Zones;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Returnees;

/// <summary>An area as an officer enters it or a list's row names it.</summary>
public sealed record RiskAreaDraft(string? Province, string? City, string? County, string? Name, RiskLevel? Level, DateOnly? From, DateOnly? To, bool? CountyHasOutbreak);

/// <summary>High, medium, low: as other regions publish their risk areas; stored as a zone's level (sealed, controlled, precaution).</summary>
public enum RiskLevel { Low = 1, Medium = 2, High = 3 }

public sealed record RiskAreaView(long Id, string Province, string City, string County, string Name, RiskLevel Level, DateOnly From, DateOnly? To,
    bool CountyHasOutbreak, bool InForce, string FullName);

public sealed record RiskAreaFilter(string? Q, RiskLevel? Level, bool? InForce, int? Page, int? PageSize);

/// <summary>What a matched origin is: the area (when one is named), its level and whether its county has an outbreak.</summary>
public sealed record MatchedOrigin(long? RiskAreaId, string Origin, ZoneLevel? Level, bool CountyHasOutbreak);

/// <summary>A row of a list that cannot become an area: its line, the field and why.</summary>
public sealed record RiskAreaImportProblem(int Line, string Field, string Message);

public sealed record RiskAreaImportReport(int Rows, int Created, int AlreadyListed, IReadOnlyList<RiskAreaImportProblem> Problems);

/// <summary>
/// Other regions' risk areas (外地中高风险区), configured by an officer or imported from the list the province publishes
/// (CSV or XLSX: province, city, county, area, level, from, to, outbreak in the county); listed and searched; and the
/// matcher that turns the origin a returnee names into a level on the day they left (ADR 0039).
/// </summary>
public sealed class RiskAreas(TimeOrderedIds ids, CityClock clock)
{
    public const int MaxPlace = 40, MaxName = 80, MaxRows = 5_000;

    public static RiskLevel LevelOf(ZoneLevel level) => (RiskLevel)(int)level;

    public static ZoneLevel ZoneLevelOf(RiskLevel level) => (ZoneLevel)(int)level;

    public static async Task<Page<RiskAreaView>> ListAsync(FangkongDb db, RiskAreaFilter f, DateOnly today, CancellationToken ct)
    {
        LineFilters.Defined(f.Level, "level");
        var (p, size) = Paging.Normalise(f.Page, f.PageSize);
        var q = db.OtherRiskAreas.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var t = f.Q.Trim();
            if (t.Length > MaxName) throw new InputException("q", Messages.Get("Returnees.Area.SearchTooLong", MaxName));
            q = q.Where(a => a.Name.Contains(t) || a.County.Contains(t) || a.City.Contains(t) || a.Province.Contains(t));
        }
        if (f.Level is { } level) { var z = ZoneLevelOf(level); q = q.Where(a => a.Level == z); }
        if (f.InForce is { } inForce)
            q = inForce ? q.Where(a => a.FromDate <= today && (a.ToDate == null || a.ToDate >= today)) : q.Where(a => !(a.FromDate <= today && (a.ToDate == null || a.ToDate >= today)));
        var total = await q.LongCountAsync(ct);
        var rows = await q.OrderByDescending(a => a.Level).ThenBy(a => a.Province).ThenBy(a => a.City).ThenBy(a => a.County).ThenBy(a => a.Name).ThenBy(a => a.Id)
            .Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return new Page<RiskAreaView>(rows.Select(a => View(a, today)).ToList(), p, size, total);
    }

    public static RiskAreaView View(OtherRiskArea a, DateOnly today) => new(a.Id, a.Province, a.City, a.County, a.Name, LevelOf(a.Level), a.FromDate, a.ToDate,
        a.CountyHasOutbreak, a.FromDate <= today && (a.ToDate is null || a.ToDate >= today), FullName(a));

    public static string FullName(OtherRiskArea a) => a.Name == a.County ? $"{a.Province}{a.City}{a.County}" : $"{a.Province}{a.City}{a.County}{a.Name}";

    public async Task<RiskAreaView> AddAsync(FangkongDb db, long userId, RiskAreaDraft d, CancellationToken ct)
    {
        var area = New(Check(d), userId);
        if (await db.OtherRiskAreas.AnyAsync(a => a.Province == area.Province && a.City == area.City && a.County == area.County && a.Name == area.Name && a.FromDate == area.FromDate, ct))
            throw new ConflictException(Messages.Get("Returnees.Area.Listed"));
        db.OtherRiskAreas.Add(area);
        await db.SaveChangesAsync(ct);
        return View(area, clock.Today);
    }

    /// <summary>The area is lowered or lifted: in force until <paramref name="to"/> (today when none is given).</summary>
    public async Task<RiskAreaView> EndAsync(FangkongDb db, long id, DateOnly? to, CancellationToken ct)
    {
        var area = await db.OtherRiskAreas.FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("id", Messages.Get("Returnees.Area.NotFound"));
        var end = to ?? clock.Today;
        if (end < area.FromDate) throw new InputException("to", Messages.Get("Returnees.Area.ToBeforeFrom"));
        area.ToDate = end;
        await db.SaveChangesAsync(ct);
        return View(area, clock.Today);
    }

    /// <summary>A published list: every row an area or one listed before (never twice); one bad row and nothing is written.</summary>
    public async Task<RiskAreaImportReport> ImportAsync(FangkongDb db, long userId, Stream file, string fileName, CancellationToken ct)
    {
        var rows = RiskAreaSheet.Rows(file, fileName, MaxRows);
        var problems = new List<RiskAreaImportProblem>();
        var good = new List<OtherRiskArea>();
        var seen = new HashSet<(string, string, string, string, DateOnly)>();
        foreach (var row in rows)
        {
            try
            {
                var area = New(Check(row.Draft), userId);
                if (!seen.Add((area.Province, area.City, area.County, area.Name, area.FromDate))) throw new InputException("name", Messages.Get("Returnees.Area.Twice", area.Name));
                good.Add(area);
            }
            catch (InputException e) { problems.Add(new(row.Line, e.Field, e.Message)); }
        }
        if (problems.Count > 0) return new RiskAreaImportReport(rows.Count, 0, 0, problems);
        var counties = good.Select(a => a.County).Distinct().ToList();
        var listed = (await db.OtherRiskAreas.AsNoTracking().Where(a => counties.Contains(a.County)).Select(a => new { a.Province, a.City, a.County, a.Name, a.FromDate }).ToListAsync(ct))
            .Select(a => (a.Province, a.City, a.County, a.Name, a.FromDate)).ToHashSet();
        var fresh = good.Where(a => !listed.Contains((a.Province, a.City, a.County, a.Name, a.FromDate))).ToList();
        db.OtherRiskAreas.AddRange(fresh);
        if (fresh.Count > 0) await db.SaveChangesAsync(ct);
        return new RiskAreaImportReport(rows.Count, fresh.Count, good.Count - fresh.Count, []);
    }

    /// <summary>
    /// The origin a returnee names, matched to the areas in force on the day they left: the area itself when named (by id,
    /// or its name in the text — the highest level wins), else its county when the text names one with an outbreak (the
    /// rest of such a county is low-risk), else no risk area.
    /// </summary>
    public static async Task<MatchedOrigin> MatchAsync(FangkongDb db, long? riskAreaId, string? text, DateOnly leftOn, CancellationToken ct)
    {
        var inForce = db.OtherRiskAreas.AsNoTracking().Where(a => a.FromDate <= leftOn && (a.ToDate == null || a.ToDate >= leftOn));
        if (riskAreaId is { } id)
        {
            var named = await db.OtherRiskAreas.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("riskAreaId", Messages.Get("Returnees.Area.NotFound"));
            // Named but lifted before the returnee left it: its county may still have an outbreak.
            if (named.FromDate <= leftOn && (named.ToDate is null || named.ToDate >= leftOn))
                return new MatchedOrigin(named.Id, FullName(named), named.Level, named.CountyHasOutbreak);
            return await CountyAsync(inForce, named.County, FullName(named), ct);
        }
        var origin = text?.Trim() ?? "";
        if (origin.Length == 0) throw new InputException("origin", Messages.Get("Returnees.OriginRequired"));
        var candidates = await inForce.Where(a => origin.Contains(a.Name) || origin.Contains(a.County)).ToListAsync(ct);
        var area = candidates.Where(a => origin.Contains(a.Name, StringComparison.Ordinal) && a.Name != a.County).OrderByDescending(a => a.Level).FirstOrDefault()
            ?? candidates.Where(a => a.Name == a.County).OrderByDescending(a => a.Level).FirstOrDefault();
        if (area is not null) return new MatchedOrigin(area.Id, origin, area.Level, area.CountyHasOutbreak);
        var county = candidates.Select(a => a.County).FirstOrDefault();
        return county is null ? new MatchedOrigin(null, origin, null, false) : await CountyAsync(inForce, county, origin, ct);
    }

    private static async Task<MatchedOrigin> CountyAsync(IQueryable<OtherRiskArea> inForce, string county, string origin, CancellationToken ct)
    {
        var outbreak = await inForce.AnyAsync(a => a.County == county && a.CountyHasOutbreak, ct);
        return new MatchedOrigin(null, origin, outbreak ? ZoneLevel.Precaution : null, outbreak);
    }

    private sealed record Checked(string Province, string City, string County, string Name, ZoneLevel Level, DateOnly From, DateOnly? To, bool Outbreak);

    private static Checked Check(RiskAreaDraft d)
    {
        string Place(string? v, string field, int max)
        {
            var t = v?.Trim() ?? "";
            if (t.Length == 0) throw new InputException(field, Messages.Get("Returnees.Area.Required"));
            if (t.Length > max) throw new InputException(field, Messages.Get("Returnees.Area.TooLong", max));
            ControlCharacters.Check(t, field);
            return t;
        }
        var province = Place(d.Province, "province", MaxPlace);
        var city = Place(d.City, "city", MaxPlace);
        var county = Place(d.County, "county", MaxPlace);
        var name = string.IsNullOrWhiteSpace(d.Name) ? county : Place(d.Name, "name", MaxName);
        if (d.Level is not { } level || !Enum.IsDefined(level)) throw new InputException("level", Messages.Get("Returnees.Area.Level"));
        if (d.From is not { } from) throw new InputException("from", Messages.Get("Returnees.Area.From"));
        PlausibleDates.Check(from, "from");
        if (d.To is { } until) PlausibleDates.Check(until, "to");
        if (d.To is { } to && to < from) throw new InputException("to", Messages.Get("Returnees.Area.ToBeforeFrom"));
        // A medium- or high-risk area means infections in its county.
        return new Checked(province, city, county, name, ZoneLevelOf(level), from, d.To, d.CountyHasOutbreak ?? level != RiskLevel.Low);
    }

    private OtherRiskArea New(Checked c, long userId) => new()
    {
        Id = ids.Next(),
        Province = c.Province,
        City = c.City,
        County = c.County,
        Name = c.Name,
        Level = c.Level,
        FromDate = c.From,
        ToDate = c.To,
        CountyHasOutbreak = c.Outbreak,
        CreatedAtUtc = clock.UtcNow,
        CreatedByUserId = userId,
    };

    public static string Word(RiskLevel level, CultureInfo culture) => Messages.Get(culture, $"Returnees.RiskLevel.{level}");
}
