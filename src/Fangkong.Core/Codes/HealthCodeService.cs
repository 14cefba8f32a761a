using Fangkong.Core.Audit;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Testing;
using Fangkong.Domain.Codes;
using Fangkong.Domain.Testing;
using Fangkong.Domain.Zones;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Codes;

/// <summary>
/// Derives a person's colour from stored facts with <see cref="CodeRules"/> and keeps the current state and the
/// append-only change log in step. A venue scan alone never changes a colour: only fevers, tests and approved
/// manual decisions are facts here.
/// </summary>
public sealed class HealthCodeService(CodePolicy policy, TimeOrderedIds ids, TimeProvider time, ZonePolicy? zones = null) : ICodeRecompute
{
    private readonly ZonePolicy zonePolicy = zones ?? new ZonePolicy();

    public CodePolicy Policy => policy;

    public async Task<IReadOnlyList<HealthFact>> LoadFactsAsync(FangkongDb db, long personId, CancellationToken ct) =>
        (await CodeFacts.LoadAsync(db, [personId], zonePolicy, ct))[personId];

    /// <summary>
    /// Re-evaluates the colour and, when it changed, updates the state and appends a change row. Adds to the
    /// context without saving, so callers commit it with the facts that caused it.
    /// </summary>
    public async Task<CodeDecision> RecomputeAsync(FangkongDb db, long personId, CancellationToken ct) =>
        (await RecomputeManyAsync(db, [personId], ct))[personId];

    /// <summary>Re-derives the colours of many persons with a few set queries per chunk; adds changes without saving.</summary>
    public async Task<Dictionary<long, CodeDecision>> RecomputeManyAsync(FangkongDb db, IReadOnlyCollection<long> personIds, CancellationToken ct) =>
        (await RecomputeAndCountAsync(db, personIds, track: true, ct)).Decisions;

    async Task<IReadOnlyDictionary<long, CodeDecision>> ICodeRecompute.RecomputeEachAsync(FangkongDb db, IReadOnlyCollection<long> personIds, CancellationToken ct) =>
        await RecomputeManyAsync(db, personIds, ct);

    async Task<int> ICodeRecompute.RecomputeManyAsync(FangkongDb db, IReadOnlyCollection<long> personIds, CancellationToken ct) =>
        (await RecomputeAndCountAsync(db, personIds, track: true, ct)).Changes;

    public async Task<IReadOnlyDictionary<long, ColourPreview>> PreviewAsync(FangkongDb db, IReadOnlyCollection<long> personIds,
        IReadOnlyCollection<string> withoutEvidence, CancellationToken ct)
    {
        var without = withoutEvidence.ToHashSet(StringComparer.Ordinal);
        using var wholeCity = db.WholeCity();
        var answer = new Dictionary<long, ColourPreview>();
        foreach (var chunk in personIds.Distinct().Chunk(1000))
        {
            var facts = await CodeFacts.LoadAsync(db, chunk, zonePolicy, ct);
            var now = await db.HealthCodes.AsNoTracking().Where(h => EF.Parameter(chunk).Contains(h.PersonId)).ToDictionaryAsync(h => h.PersonId, h => h.Colour, ct);
            foreach (var personId in chunk)
                answer[personId] = new ColourPreview(now.GetValueOrDefault(personId, CodeColour.Green),
                    CodeRules.Evaluate(facts[personId].Where(f => !without.Contains(f.EvidenceRef)).ToList(), policy).Colour);
        }
        return answer;
    }

    /// <summary>
    /// Re-derives many persons' colours and writes the changes at once, untracked, in the caller's transaction (or one of
    /// its own): a zone sealed over 200 compounds changes ~100,000 colours, which EF Core's change tracker took tens of
    /// seconds to save and then slowed every later save of the request. When colours of this unit of work are tracked
    /// and unsaved, it re-derives through them and saves instead. Returns how many colours changed.
    /// </summary>
    public async Task<int> RecomputeAndWriteAsync(FangkongDb db, IReadOnlyCollection<long> personIds, CancellationToken ct)
    {
        if (db.ChangeTracker.Entries<HealthCodeState>().Any() || db.ChangeTracker.Entries<HealthCodeChange>().Any(e => e.State == EntityState.Added))
        {
            var tracked = await RecomputeAndCountAsync(db, personIds, track: true, ct);
            await db.SaveChangesAsync(ct);
            return tracked.Changes;
        }
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var (_, changes, states, rows, entries) = await RecomputeAndCountAsync(db, personIds, track: false, ct);
        // Holders turned red lose their passes with the colour, in the same transaction (ADR 0042).
        await Passes.RedHolderPasses.RevokeAsync(db, [.. rows.Where(r => r.To == CodeColour.Red).Select(r => r.PersonId)], time.GetUtcNow().UtcDateTime, ct);
        // A changed colour's state row is replaced: deleted (if any) and inserted with the new colour, in one transaction.
        foreach (var chunk in states.Select(s => s.PersonId).Chunk(10_000))
            await db.HealthCodes.Where(h => EF.Parameter(chunk).Contains(h.PersonId)).ExecuteDeleteAsync(ct);
        await DirectInserts.InsertAsync(db, states, ct);
        await DirectInserts.InsertAsync(db, rows, ct);
        // Each change is in the audit log too, linked under one lock and written in one bulk insert (ADR 0024).
        await AuditLog.AppendManyAsync(db, entries, ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return changes;
    }

    /// <summary>
    /// Decides each person's colour; a changed one gets its state and a change row — added to the context when
    /// <paramref name="track"/>, otherwise returned untracked for the caller to write.
    /// </summary>
    private async Task<(Dictionary<long, CodeDecision> Decisions, int Changes, List<HealthCodeState> States, List<HealthCodeChange> Rows, List<AuditEntry> Entries)> RecomputeAndCountAsync(
        FangkongDb db, IReadOnlyCollection<long> personIds, bool track, CancellationToken ct)
    {
        // A colour follows from every fact about the person, whoever's area the caller who set it off works in (ADR 0028).
        using var wholeCity = db.WholeCity();
        var decisions = new Dictionary<long, CodeDecision>();
        var newStates = new List<HealthCodeState>();
        var rows = new List<HealthCodeChange>();
        var entries = new List<AuditEntry>();
        var changes = 0;
        var turnedRed = new List<long>();
        var now = time.GetUtcNow().UtcDateTime;
        // States this unit of work added and has not saved (the store's query cannot return them), read once: every
        // read of DbSet.Local detects changes over everything tracked, so a read per person made sealing 10,000
        // residents take minutes (quadratic in the residents).
        var unsaved = track ? db.HealthCodes.Local.ToDictionary(h => h.PersonId) : [];
        foreach (var chunk in personIds.Distinct().Chunk(1000))
        {
            var facts = await CodeFacts.LoadAsync(db, chunk, zonePolicy, ct);
            var query = db.HealthCodes.Where(h => EF.Parameter(chunk).Contains(h.PersonId));
            var states = await (track ? query : query.AsNoTracking()).ToDictionaryAsync(h => h.PersonId, ct);
            foreach (var personId in chunk)
            {
                var decision = CodeRules.Evaluate(facts[personId], policy);
                decisions[personId] = decision;
                var state = states.GetValueOrDefault(personId) ?? unsaved.GetValueOrDefault(personId);
                var from = state?.Colour ?? CodeColour.Green;
                var rule = state?.Rule ?? CodeRules.DefaultRule;
                if (from == decision.Colour && rule == decision.Rule) continue;
                if (state is null || !track)
                {
                    state = new HealthCodeState { PersonId = personId, Rule = decision.Rule, PolicyVersion = decision.PolicyVersion };
                    if (track) db.HealthCodes.Add(state);
                    else newStates.Add(state);
                }
                state.Colour = decision.Colour;
                state.Rule = decision.Rule;
                state.PolicyVersion = decision.PolicyVersion;
                state.SinceUtc = now;
                var change = new HealthCodeChange
                {
                    Id = ids.Next(),
                    PersonId = personId,
                    From = from,
                    To = decision.Colour,
                    AtUtc = now,
                    Rule = decision.Rule,
                    ExplanationKey = decision.Explanation.Key,
                    ExplanationArgs = [.. decision.Explanation.Args],
                    Evidence = string.Join(",", decision.Evidence),
                    PolicyVersion = decision.PolicyVersion,
                };
                var entry = AuditEntries.Colour(ids, now, personId, from.ToString(), decision.Colour.ToString(), decision.Rule, change.Evidence);
                if (decision.Colour == CodeColour.Red) turnedRed.Add(personId);
                if (track)
                {
                    db.HealthCodeChanges.Add(change);
                    AuditLog.Add(db, entry);
                }
                else
                {
                    rows.Add(change);
                    entries.Add(entry);
                }
                changes++;
            }
        }
        // Tracked: the passes of holders turned red are revoked on the context, saved with the change (ADR 0042).
        if (track) await Passes.RedHolderPasses.MarkAsync(db, turnedRed, now, ct);
        return (decisions, changes, newStates, rows, entries);
    }

    public async Task<CodeColour> ColourAsync(FangkongDb db, long personId, CancellationToken ct) =>
        await db.HealthCodes.Where(h => h.PersonId == personId).Select(h => (CodeColour?)h.Colour).FirstOrDefaultAsync(ct) ?? CodeColour.Green;

    /// <summary>A person's latest colour changes, newest first, each explained in the reader's language.</summary>
    public async Task<IReadOnlyList<ColourChange>> HistoryAsync(FangkongDb db, long personId, CancellationToken ct) =>
        (await db.HealthCodeChanges.AsNoTracking().Where(c => c.PersonId == personId).OrderByDescending(c => c.AtUtc).Take(200).ToListAsync(ct))
            .Select(ColourChange.Of).ToList();

    /// <summary>Records a test result and re-derives the colour in one transaction.</summary>
    public async Task<TestResult> RecordTestAsync(FangkongDb db, long personId, DateTime sampledAtUtc, TestOutcome outcome, string source, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (sampledAtUtc > now.AddMinutes(5)) throw new InputException("sampledAt", Messages.Get("Codes.SampledInFuture"));
        if (!Enum.IsDefined(outcome)) throw new InputException("outcome", Messages.Get("Codes.Outcome"));
        if (!await db.Persons.AnyAsync(p => p.Id == personId, ct)) throw new NotFoundException("personId", Messages.Get("People.NoSuchPerson"));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var row = new TestResult { Id = ids.Next(), PersonId = personId, SampledAtUtc = sampledAtUtc, ResultAtUtc = now, Outcome = outcome, Source = source };
        db.TestResults.Add(row);
        await db.SaveChangesAsync(ct);
        await RecomputeAsync(db, personId, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return row;
    }
}
