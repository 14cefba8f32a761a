using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Common;
using Fangkong.Domain.Zones;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Zones;

/// <summary>Filters of the zone list; <see cref="Q"/> is a zone's number or a part of its name.</summary>
public sealed record ZoneLineFilter
{
    public string? Q { get; init; }
    public ZoneLevel? Level { get; init; }
    public ZoneState? State { get; init; }
    public string? District { get; init; }
}

/// <summary>One row of the zone list.</summary>
public sealed record ZoneLine
{
    public long Id { get; init; }
    public string Number { get; init; } = "";
    public string Name { get; init; } = "";
    public ZoneLevel Level { get; init; }
    public ZonePreset Preset { get; init; }
    public ZoneState State { get; init; }
    public string DistrictCode { get; init; } = "";
    public DateTime ProposedAtUtc { get; init; }
    public DateTime? StartedAtUtc { get; init; }
    public DateOnly? LevelSince { get; init; }
    public DateTime? EndedAtUtc { get; init; }
    public int Households { get; init; }
    public int Residents { get; init; }
    public int Cases { get; init; }
    public ZoneStep? PendingStep { get; init; }
    /// <summary>The level's name under the zone's preset ("封控区", "高风险区"), in the reader's language.</summary>
    public string LevelName { get; init; } = "";
}

public sealed record ZoneMemberView(AddressKind Kind, long Id, string Label);

public sealed record ZoneCaseView(long CaseId, string Number, DateOnly ReportedOn, string Evidence);

public sealed record ZoneChangeView(DateTime AtUtc, ZoneChangeKind Kind, string What, string? From, string? To, string Rule, IReadOnlyList<string> Evidence,
    string? Officer, string? Approver, string PolicyVersion);

/// <summary>The rule's verdict today: the step it proposes (Stay: none yet), what holds and what is still missing.</summary>
public sealed record ZoneChecklist(ZoneStep Step, ZoneLevel? NewLevel, string Rule, IReadOnlyList<string> Met, IReadOnlyList<string> Missing, int DaysWithoutInfection);

/// <summary>A downgrade or lift waiting: proposed by the rule (no officer yet) or asked for by an officer, to be approved by another.</summary>
public sealed record ZonePending(ZoneStep Step, ZoneLevel? Level, string? Rule, long? RequestedByUserId, string? RequestedBy, DateTime? AtUtc);

/// <summary>A zone's page: what it covers, why, its cases, today's lifting checklist and its history.</summary>
public sealed record ZoneView(ZoneLine Zone, string Reason, string PolicyVersion, string? ProposedBy, string? SetBy, IReadOnlyList<ZoneMemberView> Members,
    IReadOnlyList<ZoneCaseView> Cases, ZoneChecklist? Checklist, ZonePending? Pending, IReadOnlyList<ZoneChangeView> History);

/// <summary>The zone list and the zone page, set-based: a page of zones is two queries whatever its size.</summary>
public sealed class ZoneViews(ZoneSteps steps)
{
    public static IQueryable<ZoneLine> Query(FangkongDb db, ZoneLineFilter f)
    {
        LineFilters.Defined(f.Level, "level");
        LineFilters.Defined(f.State, "state");
        var zones = db.Zones.AsNoTracking();
        if (f.Level is { } l) zones = zones.Where(z => z.Level == l);
        if (f.State is { } s) zones = zones.Where(z => z.State == s);
        if (LineFilters.District(f.District) is { } d) zones = zones.Where(z => z.DistrictCode == d);
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var q = f.Q.Trim();
            ControlCharacters.Check(q, "q");
            zones = LineFilters.RecordNumber(q, RecordKind.Zone) is { } number ? zones.Where(z => z.Number == number) : zones.Where(z => z.Name.Contains(q));
        }
        return zones.Select(z => new ZoneLine
        {
            Id = z.Id,
            Number = z.Number,
            Name = z.Name,
            Level = z.Level,
            Preset = z.Preset,
            State = z.State,
            DistrictCode = z.DistrictCode,
            ProposedAtUtc = z.ProposedAtUtc,
            StartedAtUtc = z.StartedAtUtc,
            LevelSince = z.LevelSince,
            EndedAtUtc = z.EndedAtUtc,
            Households = z.Households,
            Residents = z.Residents,
            Cases = db.ZoneCases.Count(c => c.ZoneId == z.Id),
            PendingStep = z.PendingStep,
        });
    }

    public static async Task<KeysetPage<ZoneLine>> ListAsync(FangkongDb db, ZoneLineFilter f, long? after, int? size, CancellationToken ct)
    {
        var page = await Keyset.PageAsync(Query(db, f), z => z.Id, after, size, ct);
        return page with { Items = [.. page.Items.Select(Named)] };
    }

    public static ZoneLine Named(ZoneLine z) => z with { LevelName = ZoneWords.Level(z.Preset, z.Level) };

    public async Task<ZoneView?> FindAsync(FangkongDb db, long zoneId, CancellationToken ct)
    {
        var zone = await db.Zones.AsNoTracking().FirstOrDefaultAsync(z => z.Id == zoneId, ct);
        if (zone is null) return null;
        var line = Named(await Query(db, new ZoneLineFilter()).FirstAsync(z => z.Id == zoneId, ct));
        var members = await db.ZoneMembers.AsNoTracking().Where(m => m.ZoneId == zoneId).OrderBy(m => m.Kind).ThenBy(m => m.AddressId).ToListAsync(ct);
        var paths = await ZoneAddresses.PathsAsync(db, members.Select(m => (m.Kind, m.AddressId)).ToList(), ct);
        var cases = await (from zc in db.ZoneCases
                           where zc.ZoneId == zoneId
                           join c in db.Cases on zc.CaseId equals c.Id
                           orderby c.ReportedAtUtc
                           select new { c.Id, c.Number, c.ReportedOn, zc.EvidenceKey, zc.EvidenceArgs }).ToListAsync(ct);
        var history = await db.ZoneChanges.AsNoTracking().Where(h => h.ZoneId == zoneId).OrderBy(h => h.AtUtc).ThenBy(h => h.Id).ToListAsync(ct);
        var userIds = history.SelectMany(h => new[] { h.OfficerUserId, h.ApproverUserId })
            .Concat([zone.ProposedByUserId, zone.SetByUserId, zone.PendingByUserId]).OfType<long>().Distinct().ToList();
        var users = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        string? Name(long? id) => id is { } i ? users.GetValueOrDefault(i, i.ToString(System.Globalization.CultureInfo.InvariantCulture)) : null;

        ZoneChecklist? checklist = null;
        if (zone.State == ZoneState.Active)
        {
            var (facts, a) = await steps.AssessAsync(db, zone, ct);
            checklist = new ZoneChecklist(a.Step, a.NewLevel, a.Rule, [.. a.Met.Select(Messages.Get)], [.. a.Missing.Select(Messages.Get)],
                facts.DaysWithoutInfection(steps.Today));
        }
        var pending = zone.PendingStep is { } step ? new ZonePending(step, zone.PendingLevel, zone.PendingRule, zone.PendingByUserId, Name(zone.PendingByUserId), zone.PendingAtUtc) : null;
        string? Level(ZoneLevel? l) => l is { } v ? ZoneWords.Level(zone.Preset, v) : null;
        return new ZoneView(line, Messages.Get(zone.Reason), zone.PolicyVersion, Name(zone.ProposedByUserId), Name(zone.SetByUserId),
            [.. members.Select(m => new ZoneMemberView(m.Kind, m.AddressId, paths.TryGetValue((m.Kind, m.AddressId), out var p) ? p.Label : ""))],
            [.. cases.Select(c => new ZoneCaseView(c.Id, c.Number, c.ReportedOn, Messages.Get(new Domain.Text.Message(c.EvidenceKey, c.EvidenceArgs))))],
            checklist, pending,
            [.. history.Select(h => new ZoneChangeView(h.AtUtc, h.Kind, ZoneWords.Change(h.Kind), Level(h.FromLevel), Level(h.ToLevel), h.Rule,
                [.. h.Evidence.Select(Messages.Get)], Name(h.OfficerUserId), Name(h.ApproverUserId), h.PolicyVersion))]);
    }
}
