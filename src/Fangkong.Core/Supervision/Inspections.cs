using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Supervision;

public sealed record PlanRequest(long? TeamId, DateOnly? Day, InspectedPlace? PlaceKind, long? VenueId, string? PlaceName, string? DistrictCode);

public sealed record FindingRequest(FindingCategory? Category, FindingSeverity? Severity, string? Description, bool FixedOnSpot,
    string? ResponsibleUnit, DateTime? Deadline, long? ClosureOrderId, string? Photo);

public sealed record InspectionRequest(long? PlanId, long? TeamId, InspectedPlace? PlaceKind, long? VenueId, string? PlaceName, string? DistrictCode,
    string? Note, FindingRequest[]? Findings);

public sealed record AnswerRequest(string? Answer);

public sealed record PlanView(long Id, long TeamId, string TeamName, string DistrictCode, DateOnly Day, InspectedPlace PlaceKind, long? VenueId, string PlaceName, long? InspectionId);

public sealed record FindingView(long Id, long InspectionId, string DistrictCode, string PlaceName, long? VenueId, FindingCategory Category,
    FindingSeverity Severity, string Description, FindingState State, string? ResponsibleUnit, DateTime? DeadlineUtc, string? Answer,
    DateTime? AnsweredAtUtc, DateTime? ConfirmedAtUtc, long? ClosureOrderId, string? ClosureOrderNumber, bool HasPhoto, bool Overdue, DateTime FoundAtUtc);

public sealed record InspectionView(long Id, long? PlanId, long? TeamId, string DistrictCode, InspectedPlace PlaceKind, long? VenueId, string PlaceName,
    DateTime AtUtc, string? Note, IReadOnlyList<FindingView> Findings);

/// <summary>A venue an inspector may pick.</summary>
public sealed record VenueChoice(long Id, string Name);

/// <summary>The finding list's filter; every field narrows.</summary>
public sealed record FindingFilter
{
    public string? District { get; init; }
    public FindingCategory? Category { get; init; }
    public FindingState? State { get; init; }
    public bool? Overdue { get; init; }
    public long? ClosureOrderId { get; init; }
}

/// <summary>Inspections, problems found, fixed on the spot, handed over and overdue, for one district and category.</summary>
public sealed record InspectionFigure(string DistrictCode, FindingCategory? Category, int Inspections, int Problems, int FixedOnSpot, int HandedOver, int Overdue);

/// <summary>
/// Inspections (issue 24 part 2): an inspection group — a team deployed in a district (ADR 0029) — plans visits, records
/// at a place what it found (category, severity, a photo), fixed on the spot or handed to a responsible unit with a
/// deadline; the unit's answer is entered, the group confirms; a finding may name the closure order it violates.
/// </summary>
public sealed class Inspections(TimeOrderedIds ids, CityClock clock)
{
    public const int MaxShort = 80, MaxText = 1000, MaxFindings = 50, MaxPhotoBytes = 2_000_000;

    public async Task<PlanView> PlanAsync(FangkongDb db, long userId, PlanRequest r, CancellationToken ct)
    {
        var team = await db.Teams.AsNoTracking().FirstOrDefaultAsync(t => t.Id == r.TeamId && t.DisbandedAtUtc == null, ct)
            ?? throw new InputException("teamId", Messages.Get("Supervision.NoSuchTeam"));
        if (db.Area is { } area && area.DistrictCode != team.DistrictCode) throw new InputException("teamId", Messages.Get("Supervision.NoSuchTeam"));
        if (r.Day is not { } day) throw new InputException("day", Messages.Get("Supervision.Day"));
        var (kind, venueId, place, district) = await PlaceAsync(db, r.PlaceKind, r.VenueId, r.PlaceName, r.DistrictCode ?? team.DistrictCode, ct);
        var plan = new InspectionPlan
        {
            Id = ids.Next(),
            TeamId = team.Id,
            DistrictCode = district,
            Day = day,
            PlaceKind = kind,
            VenueId = venueId,
            PlaceName = place,
            CreatedByUserId = userId,
            CreatedAtUtc = clock.UtcNow,
        };
        db.InspectionPlans.Add(plan);
        await db.SaveChangesAsync(ct);
        return new PlanView(plan.Id, team.Id, team.Name, plan.DistrictCode, plan.Day, plan.PlaceKind, plan.VenueId, plan.PlaceName, null);
    }

    /// <summary>The venues of the caller's district (every one for the city's callers) to inspect, by name.</summary>
    public static async Task<IReadOnlyList<VenueChoice>> VenuesAsync(FangkongDb db, CancellationToken ct)
    {
        var q = db.Venues.AsNoTracking().Where(v => v.Type != Domain.Places.VenueType.Bus);
        if (db.Area?.DistrictCode is { } own) q = q.Where(v => v.DistrictCode == own);
        return await q.OrderBy(v => v.Name).Take(1000).Select(v => new VenueChoice(v.Id, v.Name)).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<PlanView>> PlansAsync(FangkongDb db, DateOnly? day, CancellationToken ct)
    {
        var d = day ?? clock.Today;
        return await (from p in db.InspectionPlans.AsNoTracking()
                      join t in db.Teams on p.TeamId equals t.Id
                      where p.Day == d
                      orderby p.DistrictCode, t.Name, p.PlaceName
                      select new PlanView(p.Id, t.Id, t.Name, p.DistrictCode, p.Day, p.PlaceKind, p.VenueId, p.PlaceName, p.InspectionId)).Take(2000).ToListAsync(ct);
    }

    /// <summary>Records an inspection and its findings in one save: a bad finding writes nothing.</summary>
    public async Task<InspectionView> RecordAsync(FangkongDb db, long userId, InspectionRequest r, CancellationToken ct)
    {
        InspectionPlan? plan = null;
        if (r.PlanId is { } planId)
            plan = await db.InspectionPlans.FirstOrDefaultAsync(p => p.Id == planId, ct) ?? throw new InputException("planId", Messages.Get("Supervision.NoSuchPlan"));
        var (kind, venueId, place, district) = plan is not null
            ? (plan.PlaceKind, plan.VenueId, plan.PlaceName, plan.DistrictCode)
            : await PlaceAsync(db, r.PlaceKind, r.VenueId, r.PlaceName, r.DistrictCode, ct);
        var note = r.Note is null ? null : ClosureOrders.Text(r.Note, "note", MaxText);
        var now = clock.UtcNow;
        var inspection = new Inspection
        {
            Id = ids.Next(),
            PlanId = plan?.Id,
            TeamId = plan?.TeamId ?? r.TeamId,
            DistrictCode = district,
            PlaceKind = kind,
            VenueId = venueId,
            PlaceName = place,
            AtUtc = now,
            InspectorUserId = userId,
            Note = note,
        };
        var requests = r.Findings ?? [];
        if (requests.Length > MaxFindings) throw new InputException("findings", Messages.Get("Supervision.TooManyFindings", MaxFindings));
        for (var i = 0; i < requests.Length; i++)
        {
            var f = requests[i] ?? throw new InputException($"findings[{i}]", Messages.Get("Supervision.Required"));
            var field = $"findings[{i}]";
            if (f.Category is not { } category || !Enum.IsDefined(category)) throw new InputException($"{field}.category", Messages.Get("Supervision.Category"));
            if (f.Severity is not { } severity || !Enum.IsDefined(severity)) throw new InputException($"{field}.severity", Messages.Get("Supervision.Severity"));
            var finding = new Finding
            {
                Id = ids.Next(),
                InspectionId = inspection.Id,
                DistrictCode = district,
                Category = category,
                Severity = severity,
                Description = ClosureOrders.Text(f.Description, $"{field}.description", MaxText),
                FoundAtUtc = now,
                State = f.FixedOnSpot ? FindingState.FixedOnSpot : FindingState.HandedOver,
            };
            if (!f.FixedOnSpot)
            {
                finding.ResponsibleUnit = ClosureOrders.Text(f.ResponsibleUnit, $"{field}.responsibleUnit", MaxShort);
                var deadline = f.Deadline is { } d ? clock.AsUtc(d) : throw new InputException($"{field}.deadline", Messages.Get("Supervision.Deadline"));
                if (deadline <= now) throw new InputException($"{field}.deadline", Messages.Get("Supervision.Deadline"));
                finding.DeadlineUtc = deadline;
            }
            if (f.ClosureOrderId is { } orderId)
            {
                if (!await db.ClosureOrders.AnyAsync(o => o.Id == orderId && o.Kind == ClosureKind.Close, ct))
                    throw new InputException($"{field}.closureOrderId", Messages.Get("Supervision.NoSuchOrder", orderId));
                finding.ClosureOrderId = orderId;
            }
            if (f.Photo is not null)
            {
                var photo = Photo(f.Photo, $"{field}.photo");
                db.FindingPhotos.Add(new FindingPhoto { FindingId = finding.Id, ContentType = photo[0] == 0xFF ? "image/jpeg" : "image/png", Content = photo });
            }
            db.Findings.Add(finding);
        }
        db.Inspections.Add(inspection);
        if (plan is not null) plan.InspectionId = inspection.Id;
        await db.SaveChangesAsync(ct);
        return await OneAsync(db, inspection.Id, ct);
    }

    public async Task<InspectionView> OneAsync(FangkongDb db, long id, CancellationToken ct)
    {
        var i = await db.Inspections.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFoundException("id", Messages.Get("Supervision.NoSuchInspection", id));
        var findings = await FindingsAsync(db, new FindingFilter(), id, ct);
        return new InspectionView(i.Id, i.PlanId, i.TeamId, i.DistrictCode, i.PlaceKind, i.VenueId, i.PlaceName, i.AtUtc, i.Note, findings);
    }

    /// <summary>The responsible unit's answer, entered for it; an answer after the deadline leaves the finding overdue.</summary>
    public async Task<FindingView> AnswerAsync(FangkongDb db, long findingId, AnswerRequest r, CancellationToken ct)
    {
        var f = await FindAsync(db, findingId, ct);
        if (f.State != FindingState.HandedOver) throw new ConflictException(Messages.Get("Supervision.NotHandedOver"), "FindingState");
        f.Answer = ClosureOrders.Text(r.Answer, "answer", MaxText);
        f.AnsweredAtUtc = clock.UtcNow;
        f.State = FindingState.Answered;
        await db.SaveChangesAsync(ct);
        return await OneFindingAsync(db, f.Id, ct);
    }

    public async Task<FindingView> ConfirmAsync(FangkongDb db, long userId, long findingId, CancellationToken ct)
    {
        var f = await FindAsync(db, findingId, ct);
        if (f.State != FindingState.Answered) throw new ConflictException(Messages.Get("Supervision.NotAnswered"), "FindingState");
        f.State = FindingState.Confirmed;
        f.ConfirmedAtUtc = clock.UtcNow;
        f.ConfirmedByUserId = userId;
        await db.SaveChangesAsync(ct);
        return await OneFindingAsync(db, f.Id, ct);
    }

    public async Task<FindingView> OneFindingAsync(FangkongDb db, long id, CancellationToken ct)
    {
        var found = await FindingsAsync(db, new FindingFilter(), null, ct, id);
        return found.Count > 0 ? found[0] : throw new NotFoundException("id", Messages.Get("Supervision.NoSuchFinding", id));
    }

    public static async Task<FindingPhoto> PhotoAsync(FangkongDb db, long findingId, CancellationToken ct)
    {
        if (!await db.Findings.AnyAsync(f => f.Id == findingId, ct)) throw new NotFoundException("id", Messages.Get("Supervision.NoSuchFinding", findingId));
        return await db.FindingPhotos.AsNoTracking().FirstOrDefaultAsync(p => p.FindingId == findingId, ct)
            ?? throw new NotFoundException("id", Messages.Get("Supervision.NoPhoto"));
    }

    /// <summary>Findings in the caller's area under the filter, newest first.</summary>
    public async Task<IReadOnlyList<FindingView>> FindingsAsync(FangkongDb db, FindingFilter filter, long? inspectionId, CancellationToken ct, long? findingId = null)
    {
        var now = clock.UtcNow;
        var q = db.Findings.AsNoTracking();
        if (inspectionId is { } iid) q = q.Where(f => f.InspectionId == iid);
        if (findingId is { } fid) q = q.Where(f => f.Id == fid);
        if (!string.IsNullOrWhiteSpace(filter.District)) q = q.Where(f => f.DistrictCode == filter.District.Trim());
        if (filter.Category is { } c) q = q.Where(f => f.Category == c);
        if (filter.State is { } s) q = q.Where(f => f.State == s);
        if (filter.ClosureOrderId is { } o) q = q.Where(f => f.ClosureOrderId == o);
        if (filter.Overdue is { } overdue) q = q.Where(OverdueTest(now, overdue));
        var rows = await (from f in q
                          join i in db.Inspections on f.InspectionId equals i.Id
                          orderby f.FoundAtUtc descending
                          select new
                          {
                              f,
                              i.PlaceName,
                              i.VenueId,
                              Order = db.ClosureOrders.Where(x => x.Id == f.ClosureOrderId).Select(x => x.Number).FirstOrDefault(),
                              Photo = db.FindingPhotos.Any(p => p.FindingId == f.Id),
                          }).Take(5000).ToListAsync(ct);
        return [.. rows.Select(x => new FindingView(x.f.Id, x.f.InspectionId, x.f.DistrictCode, x.PlaceName, x.VenueId, x.f.Category, x.f.Severity,
            x.f.Description, x.f.State, x.f.ResponsibleUnit, x.f.DeadlineUtc, x.f.Answer, x.f.AnsweredAtUtc, x.f.ConfirmedAtUtc, x.f.ClosureOrderId,
            x.Order, x.Photo, FindingDeadline.Overdue(x.f.State, x.f.DeadlineUtc, x.f.AnsweredAtUtc, now), x.f.FoundAtUtc))];
    }

    /// <summary>Figures by district and category (each row also with the category null: the district's whole), every one the length of its list.</summary>
    public async Task<IReadOnlyList<InspectionFigure>> FiguresAsync(FangkongDb db, CancellationToken ct)
    {
        var now = clock.UtcNow;
        var inspections = await db.Inspections.AsNoTracking().GroupBy(i => i.DistrictCode).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var findings = await db.Findings.AsNoTracking().Select(f => new FindingRow(f.DistrictCode, f.Category, f.State, f.DeadlineUtc, f.AnsweredAtUtc)).ToListAsync(ct);
        var list = new List<InspectionFigure>();
        foreach (var district in inspections.Keys.Union(findings.Select(f => f.DistrictCode)).Order(StringComparer.Ordinal))
        {
            var mine = findings.Where(f => f.DistrictCode == district).ToList();
            list.Add(Figure(district, null, inspections.GetValueOrDefault(district), mine));
            foreach (var c in mine.Select(f => f.Category).Distinct().Order())
                list.Add(Figure(district, c, inspections.GetValueOrDefault(district), [.. mine.Where(f => f.Category == c)]));
        }
        return list;

        InspectionFigure Figure(string district, FindingCategory? c, int n, List<FindingRow> items) =>
            new(district, c, n, items.Count, items.Count(f => f.State == FindingState.FixedOnSpot), items.Count(f => f.State != FindingState.FixedOnSpot),
                items.Count(f => FindingDeadline.Overdue(f.State, f.DeadlineUtc, f.AnsweredAtUtc, now)));
    }

    private sealed record FindingRow(string DistrictCode, FindingCategory Category, FindingState State, DateTime? DeadlineUtc, DateTime? AnsweredAtUtc);

    private static System.Linq.Expressions.Expression<Func<Finding, bool>> OverdueTest(DateTime now, bool overdue) => overdue
        ? f => f.State != FindingState.FixedOnSpot && f.DeadlineUtc != null && (f.AnsweredAtUtc != null ? f.AnsweredAtUtc > f.DeadlineUtc : f.DeadlineUtc < now)
        : f => !(f.State != FindingState.FixedOnSpot && f.DeadlineUtc != null && (f.AnsweredAtUtc != null ? f.AnsweredAtUtc > f.DeadlineUtc : f.DeadlineUtc < now));

    private static async Task<Finding> FindAsync(FangkongDb db, long id, CancellationToken ct) =>
        await db.Findings.FirstOrDefaultAsync(f => f.Id == id, ct) ?? throw new NotFoundException("id", Messages.Get("Supervision.NoSuchFinding", id));

    /// <summary>Where: a venue (its name and district) or a named place (compound, checkpoint, quarantine site) in a district.</summary>
    private static async Task<(InspectedPlace, long?, string, string)> PlaceAsync(FangkongDb db, InspectedPlace? kind, long? venueId, string? name, string? district, CancellationToken ct)
    {
        if (kind is not { } k || !Enum.IsDefined(k)) throw new InputException("placeKind", Messages.Get("Supervision.PlaceKind"));
        if (venueId is { } vid)
        {
            var v = await db.Venues.AsNoTracking().Where(x => x.Id == vid).Select(x => new { x.Name, x.DistrictCode }).FirstOrDefaultAsync(ct)
                ?? throw new InputException("venueId", Messages.Get("Supervision.NoSuchVenue", vid));
            if (db.Area is { } area && area.DistrictCode != v.DistrictCode) throw new InputException("venueId", Messages.Get("Supervision.OutsideArea"));
            return (k, vid, v.Name, v.DistrictCode);
        }
        var place = ClosureOrders.Text(name, "placeName", MaxShort);
        return (k, null, place, await ClosureOrders.DistrictAsync(db, district, ct));
    }

    private static byte[] Photo(string base64, string field)
    {
        byte[] bytes;
        try { bytes = Convert.FromBase64String(base64); }
        catch (FormatException) { throw new InputException(field, Messages.Get("Supervision.PhotoFormat")); }
        if (bytes.Length > MaxPhotoBytes) throw new InputException(field, Messages.Get("Supervision.PhotoTooLarge", MaxPhotoBytes / 1_000_000));
        var jpeg = bytes.Length > 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF;
        var png = bytes.Length > 8 && bytes[0] == 0x89 && bytes[1] == 0x50 && bytes[2] == 0x4E && bytes[3] == 0x47;
        if (!jpeg && !png) throw new InputException(field, Messages.Get("Supervision.PhotoFormat"));
        return bytes;
    }
}
