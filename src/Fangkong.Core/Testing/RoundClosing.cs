using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Testing;

/// <summary>
/// Closes a round: residents with no swab are flagged missed and, per the round's policy, turn yellow until they are
/// sampled anywhere (domain.md §3, §4). The missing stay listed for follow-up.
/// </summary>
public sealed class RoundClosing(CityClock clock, ICodeRecompute codes)
{
    public async Task<TestingRound> CloseAsync(FangkongDb db, long roundId, CancellationToken ct)
    {
        var round = await db.TestingRounds.FindAsync([roundId], ct) ?? throw new NotFoundException("roundId", Messages.Get("Testing.NoSuchRound"));
        if (round.Status != RoundStatus.Open) throw new ConflictException(Messages.Get("Testing.OnlyOpenRoundCloses"));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        round.Status = RoundStatus.Closed;
        round.ClosedAtUtc = clock.UtcNow;
        round.MissedAtClose = await db.RoundResidents.Where(x => x.RoundId == roundId && x.SampledAtUtc == null)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.Missed, true), ct);
        await db.SaveChangesAsync(ct);
        if (round.YellowForMissedRound)
        {
            var missed = await db.RoundResidents.Where(x => x.RoundId == roundId && x.Missed).Select(x => x.PersonId).ToListAsync(ct);
            foreach (var chunk in missed.Chunk(2000))
            {
                await codes.RecomputeManyAsync(db, chunk, ct);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
        await tx.CommitAsync(ct);
        return round;
    }
}
