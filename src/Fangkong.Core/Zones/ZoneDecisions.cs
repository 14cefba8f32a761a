using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Text;
using Fangkong.Domain.Zones;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Zones;

/// <summary>A zone an officer draws by picking addresses; it is in force at once (the officer is the person who sets it).</summary>
public sealed record NewZone(string? Name, ZoneLevel? Level, IReadOnlyList<ZoneMemberInput>? Members, string? Reason);

/// <summary>Addresses added to a zone.</summary>
public sealed record ZoneExtension(IReadOnlyList<ZoneMemberInput>? Members, string? Reason);

/// <summary>An officer's confirmation or dismissal of a proposed zone, with an optional note.</summary>
public sealed record ZoneDecision(string? Note);

/// <summary>
/// An officer's decisions on zones: draw one by picking addresses, confirm or dismiss a proposal, extend a zone by more
/// addresses. Each writes the zone, its history and — for a zone in force — its residents' colours in one transaction;
/// bad input (an unknown address, an address already in a zone at the same or a higher level) writes nothing.
/// </summary>
public sealed class ZoneDecisions(TimeOrderedIds ids, CityClock clock, ZonePolicy policy, ZoneEffects effects, ZoneTestRounds rounds)
{
    public const int MaxName = 100;
    public const int MaxReason = 500;

    public async Task<Zone> DrawAsync(FangkongDb db, NewZone r, long userId, CancellationToken ct)
    {
        var level = r.Level is { } l && Enum.IsDefined(l) ? l : throw new InputException("level", Messages.Get("Zones.BadLevel"));
        if (level == ZoneLevel.Controlled && policy.Preset == ZonePreset.TwentyMeasures) throw new InputException("level", Messages.Get("Zones.NoMediumUnderTwenty"));
        var reason = Text(r.Reason, "reason", MaxReason) ?? throw new InputException("reason", Messages.Get("Zones.ReasonRequired"));
        var paths = await ZoneAddresses.ResolveAsync(db, r.Members, ct);
        var name = Text(r.Name, "name", MaxName) ?? paths[0].Label;
        await ZoneOverlap.CheckAsync(db, paths, level, null, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.UtcNow;
        var zone = New(name, level, paths[0].DistrictCode, userId, new Message("Zones.Reason.Officer", reason), now);
        db.Zones.Add(zone);
        Activate(zone, userId, now);
        AddMembers(db, zone, paths, userId, now);
        ZoneHistory.Add(db, ids, policy, zone, ZoneChangeKind.Drawn, null, level, ZoneRules.Drawn, ZoneHistory.Members([.. paths.Select(p => p.Label)]), userId, null, now);
        await ZoneAddresses.ResolveHouseholdsAsync(db, [zone.Id], ct);
        await db.SaveChangesAsync(ct);
        await effects.RecomputeResidentsAsync(db, [zone.Id], ct);
        await rounds.OrderAsync(db, [zone], userId, ct);
        await tx.CommitAsync(ct);
        return zone;
    }

    /// <summary>Puts a proposed zone in force; refused when an address of it has meanwhile come under a zone at its level or higher.</summary>
    public async Task<Zone> ConfirmAsync(FangkongDb db, long zoneId, ZoneDecision d, long userId, CancellationToken ct)
    {
        var zone = await FindAsync(db, zoneId, ct);
        if (zone.State != ZoneState.Proposed) throw new ConflictException(Messages.Get("Zones.NotProposed", zone.Number), "NotProposed");
        var note = Text(d.Note, "note", MaxReason);
        var paths = await MemberPathsAsync(db, zone.Id, ct);
        await ZoneOverlap.CheckAsync(db, paths, zone.Level, zone.Id, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.UtcNow;
        Activate(zone, userId, now);
        ZoneHistory.Add(db, ids, policy, zone, ZoneChangeKind.Confirmed, null, zone.Level, ZoneRules.Officer, Note(note), userId, null, now);
        await db.SaveChangesAsync(ct);
        await effects.RecomputeResidentsAsync(db, [zone.Id], ct);
        await rounds.OrderAsync(db, [zone], userId, ct);
        await tx.CommitAsync(ct);
        return zone;
    }

    public async Task<Zone> DismissAsync(FangkongDb db, long zoneId, ZoneDecision d, long userId, CancellationToken ct)
    {
        var zone = await FindAsync(db, zoneId, ct);
        if (zone.State != ZoneState.Proposed) throw new ConflictException(Messages.Get("Zones.NotProposed", zone.Number), "NotProposed");
        var note = Text(d.Note, "note", MaxReason);
        var now = clock.UtcNow;
        zone.State = ZoneState.Dismissed;
        zone.EndedAtUtc = now;
        ZoneHistory.Add(db, ids, policy, zone, ZoneChangeKind.Dismissed, zone.Level, null, ZoneRules.Officer, Note(note), userId, null, now);
        await db.SaveChangesAsync(ct);
        return zone;
    }

    /// <summary>Adds addresses to a proposed zone or one in force (whose new residents' colours change at once).</summary>
    public async Task<Zone> ExtendAsync(FangkongDb db, long zoneId, ZoneExtension r, long userId, CancellationToken ct)
    {
        var zone = await FindAsync(db, zoneId, ct);
        if (zone.State is not (ZoneState.Proposed or ZoneState.Active)) throw new ConflictException(Messages.Get("Zones.Ended", zone.Number), "ZoneEnded");
        var reason = Text(r.Reason, "reason", MaxReason);
        var paths = await ZoneAddresses.ResolveAsync(db, r.Members, ct);
        var own = (await MemberPathsAsync(db, zone.Id, ct)).Select(p => (p.Kind, p.Id)).ToHashSet();
        for (var i = 0; i < paths.Count; i++)
            if (paths[i].SelfAndAbove().Any(own.Contains)) throw new InputException($"members[{i}].id", Messages.Get("Zones.AlreadyMember", paths[i].Label, zone.Number));
        await ZoneOverlap.CheckAsync(db, paths, zone.Level, zone.Id, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.UtcNow;
        AddMembers(db, zone, paths, userId, now);
        ZoneHistory.Add(db, ids, policy, zone, ZoneChangeKind.Extended, zone.Level, zone.Level, ZoneRules.Officer,
            [.. ZoneHistory.Members([.. paths.Select(p => p.Label)]), .. Note(reason)], userId, null, now);
        await ZoneAddresses.ResolveHouseholdsAsync(db, [zone.Id], ct);
        await db.SaveChangesAsync(ct);
        if (zone.State == ZoneState.Active) await effects.RecomputeResidentsAsync(db, [zone.Id], ct);
        await tx.CommitAsync(ct);
        return zone;
    }

    /// <summary>A new zone, proposed, under the preset and policy version in force.</summary>
    internal Zone New(string name, ZoneLevel level, string districtCode, long? userId, Message reason, DateTime now) => new()
    {
        Id = ids.Next(),
        Name = name.Length <= MaxName ? name : name[..MaxName],
        Level = level,
        Preset = policy.Preset,
        DistrictCode = districtCode,
        State = ZoneState.Proposed,
        ProposedAtUtc = now,
        ProposedByUserId = userId,
        ReasonKey = reason.Key,
        ReasonArgs = [.. reason.Args],
        PolicyVersion = policy.Version,
    };

    internal void Activate(Zone zone, long userId, DateTime now)
    {
        zone.State = ZoneState.Active;
        zone.StartedAtUtc = now;
        zone.LevelSince = DateOnly.FromDateTime(clock.ToLocal(now));
        zone.SetByUserId = userId;
    }

    internal static void AddMembers(FangkongDb db, Zone zone, IEnumerable<AddressPath> paths, long? userId, DateTime now)
    {
        foreach (var p in paths)
            db.ZoneMembers.Add(new ZoneMember { ZoneId = zone.Id, Kind = p.Kind, AddressId = p.Id, AddedAtUtc = now, AddedByUserId = userId });
    }

    internal static async Task<Zone> FindAsync(FangkongDb db, long zoneId, CancellationToken ct) =>
        await db.Zones.FirstOrDefaultAsync(z => z.Id == zoneId, ct) ?? throw new NotFoundException("zoneId", Messages.Get("Zones.NotFound"));

    internal static async Task<List<AddressPath>> MemberPathsAsync(FangkongDb db, long zoneId, CancellationToken ct)
    {
        var members = await db.ZoneMembers.Where(m => m.ZoneId == zoneId).Select(m => new { m.Kind, m.AddressId }).ToListAsync(ct);
        var paths = await ZoneAddresses.PathsAsync(db, members.Select(m => (m.Kind, m.AddressId)).ToList(), ct);
        return [.. members.Select(m => paths.GetValueOrDefault((m.Kind, m.AddressId))).OfType<AddressPath>()];
    }

    internal static IEnumerable<Message> Note(string? note) => note is null ? [] : [new Message("Zones.Evidence.Note", note)];

    internal static string? Text(string? text, string field, int max)
    {
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t)) return null;
        ControlCharacters.Check(t, field);
        return t.Length <= max ? t : throw new InputException(field, Messages.Get("Zones.TooLong", max));
    }
}
