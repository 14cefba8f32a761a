using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.People;
using Fangkong.Domain.Command;
using Fangkong.Domain.People;
using Fangkong.Domain.Tracing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Command;

/// <summary>An area, its places one level down (keyed as its cases' <see cref="CaseFact.Place"/>), and its facts.</summary>
public sealed record AreaFacts(BulletinLevel Level, PlaceCount Area, IReadOnlyDictionary<string, PlaceCount> Places,
    IReadOnlyList<CaseFact> Cases, IReadOnlyList<ContactFact> Contacts, IReadOnlyList<SuspectedFact> Suspected);

/// <summary>
/// Reads from the store what <see cref="BulletinCounter"/> counts for one area and day — every case of the area up to the
/// end of the day, and the confirmed close and secondary contacts of those cases — for the bulletin and the dashboard.
/// </summary>
public static class BulletinFacts
{
    /// <summary>Cases without a home address count in the city and province, under this place, listed last.</summary>
    public static readonly PlaceCount Unknown = new("地址不详", "address unknown", 0, int.MaxValue);

    public static async Task<BulletinFigures> FiguresAsync(FangkongDb db, CityClock clock, DateOnly day, BulletinLevel level, string areaCode, CancellationToken ct, BulletinPolicy? policy = null)
    {
        var facts = await LoadAsync(db, clock, clock.StartOfDayUtc(day.AddDays(1)), level, areaCode, ct, policy);
        return BulletinCounter.Count(day, level, facts.Area, facts.Places, facts.Cases, facts.Contacts, facts.Suspected);
    }

    /// <summary>
    /// The facts of an area as known before <paramref name="endUtc"/>: its cases (suspected ones left out) and the confirmed
    /// close and secondary contacts of its cases — suspected ones' included, since their contacts are managed too — one
    /// fact per designation (case × person × grade), each naming its person so the counter counts persons.
    /// </summary>
    public static async Task<AreaFacts> LoadAsync(FangkongDb db, CityClock clock, DateTime endUtc, BulletinLevel level, string areaCode, CancellationToken ct, BulletinPolicy? policy = null)
    {
        if (!Enum.IsDefined(level)) throw new InputException("level", Messages.Get("Command.Level"));
        var districts = await db.Districts.AsNoTracking().ToListAsync(ct);
        var (area, places, placeOf) = Area(districts, level, areaCode?.Trim() ?? "", policy ?? new BulletinPolicy());
        var rows = await db.Cases.AsNoTracking().Where(c => c.ReportedAtUtc < endUtc)
            .Select(c => new { c.Id, c.PersonId, c.DistrictCode, c.Class, c.ReportedAtUtc, c.ConvertedAtUtc, c.Status, c.StatusAtUtc, c.OnsetDate, c.SuspectedAtUtc, c.SuspectedConfirmedAtUtc })
            .ToListAsync(ct);
        var inArea = rows.Select(r => (r, Place: placeOf(r.DistrictCode))).Where(x => x.Place is not null).ToList();
        // A conversion or ending after the day is read too; the counter dates it, so it does not show on an earlier day. A
        // suspected case that was confirmed is a case from the day it was confirmed (until then it is only suspected).
        var cases = inArea.Where(x => x.r.Class != CaseClass.Suspected)
            .Select(x => new CaseFact(x.Place!, Type(x.r.Class), Date(clock, x.r.SuspectedConfirmedAtUtc ?? x.r.ReportedAtUtc), x.r.ConvertedAtUtc is { } cv ? Date(clock, cv) : null,
                Outcome(x.r.Status), x.r.StatusAtUtc is { } s ? Date(clock, s) : null, x.r.OnsetDate)).ToList();
        var suspected = inArea.Where(x => x.r.SuspectedAtUtc is not null)
            .Select(x => new SuspectedFact(x.Place!, Date(clock, x.r.SuspectedAtUtc!.Value),
                x.r.Status == CaseStatus.Excluded && x.r.StatusAtUtc is { } ex ? Date(clock, ex) : null,
                x.r.SuspectedConfirmedAtUtc is { } sc ? Date(clock, sc) : null)).ToList();
        var caseIds = inArea.Select(x => x.r.Id).ToHashSet();
        var contactRows = await db.ContactProposals.AsNoTracking()
            .Where(p => p.Status == ProposalStatus.Confirmed && p.Grade != ContactGrade.Companion && p.DecidedAtUtc < endUtc)
            .Select(p => new { p.CaseId, p.PersonId, p.Grade, p.DecidedAtUtc, p.ReleasedAtUtc }).ToListAsync(ct);
        // The day each person was first reported a case, anywhere: from then on a contact counts as a case.
        var caseOn = rows.Where(r => r.Class != CaseClass.Suspected).GroupBy(r => r.PersonId).ToDictionary(g => g.Key, g => Date(clock, g.Min(r => r.SuspectedConfirmedAtUtc ?? r.ReportedAtUtc)));
        var contacts = contactRows.Where(p => caseIds.Contains(p.CaseId))
            .Select(p => new ContactFact(p.PersonId, p.Grade == ContactGrade.Secondary, Date(clock, p.DecidedAtUtc!.Value), p.ReleasedAtUtc is { } r ? Date(clock, r) : null,
                caseOn.TryGetValue(p.PersonId, out var became) ? became : null)).ToList();
        return new AreaFacts(level, area, places, cases, contacts, suspected);
    }

    // The area's name, its places one level down, and which place (if any) a case's district counts under.
    private static (PlaceCount Area, Dictionary<string, PlaceCount> Places, Func<string?, string?> PlaceOf) Area(List<DistrictRow> districts, BulletinLevel level, string code, BulletinPolicy policy)
    {
        PlaceCount Named(string c) => Regions.Areas.TryGetValue(c, out var n) ? new PlaceCount(n.Name, n.EnglishName, 0) : new PlaceCount(c, c, 0);
        switch (level)
        {
            case BulletinLevel.District:
                var d = districts.FirstOrDefault(x => x.Code == code) ?? throw new InputException("area", Messages.Get("Command.NoSuchDistrict"));
                var self = new PlaceCount(d.Name, d.EnglishName, 0);
                return (self, new() { [d.Code] = self }, dc => dc == d.Code ? d.Code : null);
            case BulletinLevel.City:
                var inCity = districts.Where(x => x.CityCode == code).ToList();
                if (inCity.Count == 0) throw new InputException("area", Messages.Get("Command.NoSuchCity"));
                var places = inCity.ToDictionary(x => x.Code, x => new PlaceCount(x.Name, x.EnglishName, 0, policy.Order(x.Code)));
                places[""] = Unknown;
                var codes = inCity.Select(x => x.Code).ToHashSet();
                return (Named(code), places, dc => dc is null ? "" : codes.Contains(dc) ? dc : null);
            default:
                var inProvince = districts.Where(x => Regions.ProvinceOf(x.Code) == code).ToList();
                if (inProvince.Count == 0) throw new InputException("area", Messages.Get("Command.NoSuchProvince"));
                var cityOf = inProvince.ToDictionary(x => x.Code, x => x.CityCode);
                var cities = inProvince.Select(x => x.CityCode).Distinct().ToDictionary(c => c, c => Named(c) with { Order = policy.Order(c) });
                cities[""] = Unknown;
                return (Named(code), cities, dc => dc is null ? "" : cityOf.TryGetValue(dc, out var c) ? c : null);
        }
    }

    private static ClinicalType? Type(CaseClass c) => c switch
    {
        CaseClass.Mild => ClinicalType.Mild,
        CaseClass.Common => ClinicalType.Common,
        CaseClass.Severe => ClinicalType.Severe,
        CaseClass.Critical => ClinicalType.Critical,
        _ => null,
    };

    private static CaseOutcome Outcome(CaseStatus s) => s switch
    {
        CaseStatus.Discharged => CaseOutcome.Discharged,
        CaseStatus.Released => CaseOutcome.Released,
        CaseStatus.Died => CaseOutcome.Died,
        _ => CaseOutcome.None,
    };

    private static DateOnly Date(CityClock clock, DateTime utc) => DateOnly.FromDateTime(clock.ToLocal(utc));
}
