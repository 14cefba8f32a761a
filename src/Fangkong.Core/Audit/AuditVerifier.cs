using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Audit;

/// <summary>What a walk of the chain found: intact, or the first entry where it breaks and how.</summary>
/// <param name="Problem">Null when intact; otherwise <see cref="AuditVerifier"/>'s problem names.</param>
public sealed record AuditVerification(bool Intact, long Checked, long HeadSeq, string HeadHash, long? BrokenAtSeq, long? BrokenEntryId, string? Problem)
{
    /// <summary>The finding as one sentence in the reader's language.</summary>
    public string Describe() => Intact
        ? Common.Messages.Get("Audit.Chain.Intact", Checked)
        : Common.Messages.Get(Problem switch
        {
            AuditVerifier.Tampered => "Audit.Chain.Broken.tampered",
            AuditVerifier.Missing => "Audit.Chain.Broken.missing",
            AuditVerifier.Relinked => "Audit.Chain.Broken.relinked",
            AuditVerifier.TailMissing => "Audit.Chain.Broken.tail-missing",
            _ => "Audit.Chain.Broken.beyond-head",
        }, BrokenAtSeq);
}

/// <summary>
/// Walks the chain from its first entry and recomputes every hash (ADR 0024): an edited field breaks its entry's hash
/// ("tampered"); a deleted entry leaves a gap in the positions ("missing", reported at the entry after the gap) or, at
/// the end, a head that names an entry no longer there ("tail-missing"); an entry put in or moved breaks the link
/// ("relinked"); an entry after the head was not appended through the chain ("beyond-head"). Used by <c>fangkong audit verify</c> and the administrators' audit page.
/// </summary>
public static class AuditVerifier
{
    public const string Tampered = "tampered";
    public const string Missing = "missing";
    public const string Relinked = "relinked";
    public const string TailMissing = "tail-missing";
    public const string BeyondHead = "beyond-head";
    private const int Chunk = 5000;

    public static async Task<AuditVerification> VerifyAsync(FangkongDb db, CancellationToken ct)
    {
        var head = await db.AuditChainHeads.AsNoTracking().FirstOrDefaultAsync(h => h.Id == AuditChain.HeadId, ct);
        var headSeq = head?.Seq ?? 0;
        var headHash = head?.Hash ?? AuditHash.Genesis;
        long expected = 1, count = 0;
        var prev = AuditHash.Genesis;
        while (true)
        {
            var from = expected - 1;
            var batch = await db.AuditEntries.IgnoreQueryFilters().AsNoTracking().Where(e => e.Seq > from && e.Seq <= headSeq).OrderBy(e => e.Seq).Take(Chunk).ToListAsync(ct);
            foreach (var e in batch)
            {
                count++;
                if (e.Seq != expected) return new AuditVerification(false, count, headSeq, headHash, expected, e.Id, Missing);
                if (e.PrevHash != prev) return Broken(e, Relinked);
                if (AuditHash.Of(e) != e.Hash) return Broken(e, Tampered);
                prev = e.Hash;
                expected++;
            }
            if (batch.Count < Chunk) break;
        }
        var beyond = await db.AuditEntries.IgnoreQueryFilters().AsNoTracking().Where(e => e.Seq > headSeq).OrderBy(e => e.Seq).FirstOrDefaultAsync(ct);
        if (beyond is not null) return new AuditVerification(false, count, headSeq, headHash, beyond.Seq, beyond.Id, BeyondHead);
        if (expected - 1 != headSeq || prev != headHash)
            return new AuditVerification(false, count, headSeq, headHash, expected, null, TailMissing);
        return new AuditVerification(true, count, headSeq, headHash, null, null, null);

        AuditVerification Broken(AuditEntry e, string problem) => new(false, count, headSeq, headHash, e.Seq, e.Id, problem);
    }
}
