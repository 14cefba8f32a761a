namespace Fangkong.Core.Common;

/// <summary>
/// The one port through which writers of visits tell the in-memory contact index (Tracing's <c>StayIndex</c>, ADR 0033) what they
/// committed: the gate after its group's commit, the retention purge after a run. It only makes the index current sooner; the index
/// also catches up from the store on each search, so a writer that does not call it (another instance) is still seen.
/// </summary>
public interface IVisitWrites
{
    /// <summary>After a commit: the visits added and the exits recorded (visit id, time) are now durable.</summary>
    void Committed(IEnumerable<VisitWrite> added, IEnumerable<(long VisitId, DateTime ExitedAtUtc)> exits);

    /// <summary>After a retention purge run at <paramref name="nowUtc"/>: closed visits past their period are gone from the store.</summary>
    void Purged(DateTime nowUtc);
}

/// <summary>A visit as written, for <see cref="IVisitWrites"/> (Common knows no feature's entities).</summary>
public readonly record struct VisitWrite(long Id, long PersonId, long VenueId, DateTime EnteredAtUtc, DateTime? ExitedAtUtc);
