using Fangkong.Core.Data;
using Fangkong.Core.Tracing;

namespace Fangkong.Core.Hospitals;

/// <summary>
/// A case reported with the hospital that treats it: reported and admitted to a free bed there in one transaction, so a
/// hospital with no free bed refuses the report (naming hospitalId) and nothing is written.
/// </summary>
public sealed class CaseIntake(CaseRegistry cases, Admissions admissions)
{
    public async Task<CaseRecord> ReportAsync(FangkongDb db, NewCase r, long? hospitalId, long userId, CancellationToken ct)
    {
        if (hospitalId is null) return await cases.ReportAsync(db, r, userId, ct);
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        // Admission names the hospital in TreatedAt.
        var c = await cases.ReportAsync(db, r with { TreatedAt = null }, userId, ct);
        await admissions.AdmitAsync(db, c.Id, new BedRequest(hospitalId, null, null), userId, ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return c;
    }
}
