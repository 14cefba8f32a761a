using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Testing;

public sealed record DoorTaskView(long Id, long RoundId, long HouseholdId, string Address, DoorReason Reason, string? Team,
    int Residents, int Sampled, DateTime CreatedAtUtc, DateTime? DoneAtUtc, IReadOnlyList<string> MaskedNames);

public sealed record DoorTaskFilter(long? CompoundId, string? Team, bool? Done, int? Page, int? PageSize);

/// <summary>
/// Door-to-door sampling (敲门行动): households whose members cannot come down, households in sealed compounds, and
/// households still missing when the coverage list is turned into tasks. A task is done when every resident of the
/// household has been sampled in the round, however it happened.
/// </summary>
public sealed class DoorTasks(TimeOrderedIds ids, CityClock clock)
{
    public async Task<Page<DoorTaskView>> ListAsync(FangkongDb db, long roundId, DoorTaskFilter f, CancellationToken ct)
    {
        var (page, size) = Paging.Normalise(f.Page, f.PageSize);
        var q = db.DoorTasks.AsNoTracking().Where(t => t.RoundId == roundId);
        if (f.CompoundId is { } c) q = q.Where(t => t.CompoundId == c);
        if (!string.IsNullOrWhiteSpace(f.Team)) q = q.Where(t => t.Team == f.Team.Trim());
        if (f.Done is { } done) q = done ? q.Where(t => t.DoneAtUtc != null) : q.Where(t => t.DoneAtUtc == null);
        var total = await q.LongCountAsync(ct);
        // Households with a special group (bedridden, pregnant, dialysis…) are served first (domain.md §8).
        var rows = await q.OrderByDescending(t => db.Persons.Any(p => p.HouseholdId == t.HouseholdId && db.ServedFirst.Contains(p.Id)))
            .ThenBy(t => t.CompoundId).ThenBy(t => t.HouseholdId).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        var households = rows.Select(r => r.HouseholdId).ToList();
        var members = await (from x in db.RoundResidents
                             where x.RoundId == roundId && households.Contains(x.HouseholdId)
                             join p in db.Persons on x.PersonId equals p.Id
                             select new { x.HouseholdId, p.Name, x.SampledAtUtc }).ToListAsync(ct);
        var addresses = await People.PersonDirectory.AddressesAsync(db, households, ct);
        var views = new List<DoorTaskView>();
        foreach (var t in rows)
        {
            var m = members.Where(x => x.HouseholdId == t.HouseholdId).ToList();
            views.Add(new DoorTaskView(t.Id, t.RoundId, t.HouseholdId, addresses.GetValueOrDefault(t.HouseholdId, ""),
                t.Reason, t.Team, m.Count, m.Count(x => x.SampledAtUtc != null), t.CreatedAtUtc, t.DoneAtUtc, m.Select(x => Masking.Name(x.Name)).ToList()));
        }
        return new Page<DoorTaskView>(views, page, size, total);
    }

    /// <summary>Assigns tasks to a team by name (a team is a pair of samplers with a route).</summary>
    public static async Task<int> AssignAsync(FangkongDb db, long roundId, IReadOnlyList<long>? taskIds, string? team, CancellationToken ct)
    {
        var name = team?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 64) throw new InputException("team", Messages.Get("Testing.TeamName"));
        if (taskIds is null || taskIds.Count is 0 or > 5000) throw new InputException("taskIds", Messages.Get("Testing.TaskCount"));
        var n = await db.DoorTasks.Where(t => t.RoundId == roundId && taskIds.Contains(t.Id)).ExecuteUpdateAsync(u => u.SetProperty(t => t.Team, name), ct);
        return n == taskIds.Distinct().Count() ? n : throw new NotFoundException("taskIds", Messages.Get("Testing.TasksNotInRound"));
    }

    /// <summary>Turns the households of residents not yet sampled in a compound (or a building) into door-to-door tasks.</summary>
    public async Task<int> FromMissingAsync(FangkongDb db, long roundId, long? compoundId, long? buildingId, CancellationToken ct)
    {
        if (compoundId is null && buildingId is null) throw new InputException("compoundId", Messages.Get("Testing.CompoundOrBuilding"));
        var round = await db.TestingRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct) ?? throw new NotFoundException("roundId", Messages.Get("Testing.NoSuchRound"));
        if (round.Status == RoundStatus.Closed) throw new ConflictException(Messages.Get("Testing.RoundClosed"));
        var q = db.RoundResidents.Where(x => x.RoundId == roundId && x.SampledAtUtc == null);
        if (compoundId is { } c) q = q.Where(x => x.CompoundId == c);
        if (buildingId is { } b) q = q.Where(x => x.BuildingId == b);
        // A compound or building with no resident in a confined caller's area is not theirs to task (ADR 0028): not found.
        if (db.Area is not null && !await db.RoundResidents.AnyAsync(x => x.RoundId == roundId
                && (compoundId == null || x.CompoundId == compoundId) && (buildingId == null || x.BuildingId == buildingId), ct))
            throw new NotFoundException(compoundId is null ? "buildingId" : "compoundId", Messages.Get("Testing.PlaceNotFound"));
        var households = await q.Select(x => new { x.HouseholdId, x.CompoundId }).Distinct().ToListAsync(ct);
        var existing = (await db.DoorTasks.Where(t => t.RoundId == roundId).Where(t => households.Select(h => h.HouseholdId).Contains(t.HouseholdId))
            .Select(t => t.HouseholdId).ToListAsync(ct)).ToHashSet();
        var sites = await db.SiteCompounds.Where(s => s.RoundId == roundId).ToDictionaryAsync(s => s.CompoundId, s => s.SiteId, ct);
        var added = 0;
        foreach (var h in households.Where(h => !existing.Contains(h.HouseholdId)))
        {
            db.DoorTasks.Add(new DoorTask
            {
                Id = ids.Next(),
                RoundId = roundId,
                HouseholdId = h.HouseholdId,
                CompoundId = h.CompoundId,
                SiteId = sites[h.CompoundId],
                Reason = DoorReason.Missing,
                CreatedAtUtc = clock.UtcNow,
            });
            added++;
        }
        await db.SaveChangesAsync(ct);
        return added;
    }

    public static Task CompleteIfDoneAsync(FangkongDb db, long roundId, long householdId, DateTime at, CancellationToken ct) =>
        db.DoorTasks.Where(t => t.RoundId == roundId && t.HouseholdId == householdId && t.DoneAtUtc == null)
            .Where(t => !db.RoundResidents.Any(x => x.RoundId == roundId && x.HouseholdId == householdId && x.SampledAtUtc == null))
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.DoneAtUtc, at), ct);
}
