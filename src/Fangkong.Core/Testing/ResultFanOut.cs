using System.Diagnostics;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Codes;
using Fangkong.Domain.Testing;
using Fangkong.Domain.Tracing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Testing;

public sealed record FanOutSummary(int Tubes, int NegativePersons, int PoolPositivePersons, int PositivePersons, int NewCases, int ResampleTasks,
    int CodeChanges, double Milliseconds);

/// <summary>
/// Carries tube results to persons (domain.md §4), set-based so 100,000 tubes take seconds: a negative tube makes
/// each member negative; a positive pool puts each member under control and creates a single-tube re-sampling task;
/// a positive single tube is that person's positive result and opens a case. Colours are re-derived only for
/// persons the result can change: members of positive tubes and members whose code is not green.
/// </summary>
public sealed class ResultFanOut(TimeOrderedIds ids, CityClock clock, ICodeRecompute codes, IResultFollowUp followUp)
{
    /// <summary>Runs inside the caller's transaction for tubes whose results were just set; saves its own rows.</summary>
    public async Task<FanOutSummary> ApplyAsync(FangkongDb db, IReadOnlyCollection<long> tubeIds, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        int negative = 0, pool = 0, positive = 0, cases = 0, tasks = 0, changes = 0;
        foreach (var chunk in tubeIds.Distinct().Chunk(1000))
        {
            var list = string.Join(",", chunk);
            // Individual results: every member of a negative tube, and the one person of a positive single tube.
            // The result row reuses the sample's id: one sample, one result, and a replay inserts nothing.
            // Only numeric ids are inlined; nothing from a caller reaches the SQL text.
            var insertResults = $"""
                INSERT INTO test_results ("Id", "PersonId", "SampledAtUtc", "ResultAtUtc", "Outcome", "Source")
                SELECT s."Id", s."PersonId", s."AtUtc", t."ResultAtUtc", t."Outcome", 'tube:' || t."Barcode"
                FROM samples s JOIN tubes t ON t."Id" = s."TubeId"
                WHERE t."Id" IN ({list}) AND t."Outcome" IS NOT NULL AND (t."Outcome" = 1 OR t."Count" = 1)
                  AND NOT EXISTS (SELECT 1 FROM test_results r WHERE r."Id" = s."Id")
                """;
            using (FanOutSections.Start("results"))
                await db.Database.ExecuteSqlRawAsync(insertResults, ct);
            var section = FanOutSections.Start("roster");

            var tubes = await db.Tubes.AsNoTracking().Where(t => chunk.Contains(t.Id) && t.Outcome != null)
                .Select(t => new { t.Id, t.Outcome, t.Count, t.Kind, t.RoundId, t.ResultAtUtc }).ToListAsync(ct);
            var now = clock.UtcNow;
            var negativeTubes = tubes.Where(t => t.Outcome == TubeOutcome.Negative).Select(t => t.Id).ToList();
            var poolTubes = tubes.Where(t => t.Outcome == TubeOutcome.Positive && t.Count > 1).Select(t => t.Id).ToList();
            var singleTubes = tubes.Where(t => t.Outcome == TubeOutcome.Positive && t.Count == 1).Select(t => t.Id).ToList();
            negative += await MarkRosterAsync(db, negativeTubes, PersonOutcome.Negative, now, ct);
            pool += await MarkRosterAsync(db, poolTubes, PersonOutcome.PoolPositive, now, ct);
            positive += await MarkRosterAsync(db, singleTubes, PersonOutcome.Positive, now, ct);
            section?.Dispose();
            section = FanOutSections.Start("tasks-and-cases");

            var poolMembers = await db.Samples.AsNoTracking().Where(s => poolTubes.Contains(s.TubeId))
                .Select(s => new { s.PersonId, s.RoundId, s.TubeId }).ToListAsync(ct);
            var openTasks = (await db.ResampleTasks.Where(t => t.DoneAtUtc == null && t.Reason == SingleTubeReason.PositivePool && poolMembers.Select(m => m.PersonId).Contains(t.PersonId))
                .Select(t => t.PersonId).ToListAsync(ct)).ToHashSet();
            foreach (var m in poolMembers.Where(m => openTasks.Add(m.PersonId)))
            {
                db.ResampleTasks.Add(new ResampleTask { Id = ids.Next(), RoundId = m.RoundId, PersonId = m.PersonId, SourceTubeId = m.TubeId, CreatedAtUtc = now });
                tasks++;
            }

            var positives = await (from s in db.Samples
                                   where singleTubes.Contains(s.TubeId)
                                   join t in db.Tubes on s.TubeId equals t.Id
                                   select new { s.PersonId, s.AtUtc, t.Id, t.RoundId, t.Kind, SampleId = s.Id }).ToListAsync(ct);
            // A positive scheduled test of a quarantined person: found among contacts under quarantine.
            var sampleIds = positives.Select(p => p.SampleId).ToList();
            var quarantined = (await db.ResampleTasks.Where(t => t.SampleId != null && sampleIds.Contains(t.SampleId.Value) && t.Reason == SingleTubeReason.QuarantineSchedule)
                .Select(t => t.SampleId!.Value).ToListAsync(ct)).ToHashSet();
            var opened = positives.Select(p => new PositiveSample(p.PersonId, p.AtUtc, p.Id, p.RoundId,
                quarantined.Contains(p.SampleId) ? CaseFoundBy.ContactUnderQuarantine : p.Kind == TubeKind.Resample ? CaseFoundBy.PoolResampling : CaseFoundBy.SingleTube)).ToList();
            cases += await followUp.OpenCasesAsync(db, opened, now, ct);
            await db.SaveChangesAsync(ct);
            section?.Dispose();
            section = FanOutSections.Start("colours");

            // Colours: every member of a positive tube; members of negative tubes only when not green (fever, missed
            // round, pool awaiting re-test) — a green person stays green on a negative, with no need to look.
            var recompute = poolMembers.Select(m => m.PersonId).Concat(positives.Select(p => p.PersonId)).ToHashSet();
            recompute.UnionWith(await (from s in db.Samples
                                       where negativeTubes.Contains(s.TubeId)
                                       join h in db.Colours on s.PersonId equals h.PersonId
                                       where h.Colour != CodeColour.Green
                                       select s.PersonId).ToListAsync(ct));
            changes += await codes.RecomputeManyAsync(db, recompute, ct);
            await db.SaveChangesAsync(ct);
            section?.Dispose();
            section = FanOutSections.Start("follow-ups");
            // Contacts and companions are never green, so every one tested here is in the recomputed set: their follow-ups run.
            await followUp.AfterTestsAsync(db, recompute, ct);
            section?.Dispose();
            db.ChangeTracker.Clear();
        }
        return new FanOutSummary(tubeIds.Count, negative, pool, positive, cases, tasks, changes, watch.Elapsed.TotalMilliseconds);
    }

    /// <summary>
    /// Stamps the roster rows of the tubes' members. Members are read first and the roster is updated by its key:
    /// a correlated EXISTS over the roster would scan all of it for every chunk (quadratic on a city of a million).
    /// </summary>
    private static async Task<int> MarkRosterAsync(FangkongDb db, List<long> tubeIds, PersonOutcome outcome, DateTime now, CancellationToken ct)
    {
        if (tubeIds.Count == 0) return 0;
        var members = await db.Samples.AsNoTracking().Where(s => tubeIds.Contains(s.TubeId)).Select(s => new { s.RoundId, s.PersonId }).ToListAsync(ct);
        var marked = 0;
        foreach (var round in members.GroupBy(m => m.RoundId))
        {
            var persons = round.Select(m => m.PersonId).Distinct().ToList();
            marked += await db.RoundResidents.Where(x => x.RoundId == round.Key && persons.Contains(x.PersonId))
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.Outcome, outcome).SetProperty(x => x.ResultAtUtc, x => x.ResultAtUtc ?? now), ct);
        }
        return marked;
    }
}
