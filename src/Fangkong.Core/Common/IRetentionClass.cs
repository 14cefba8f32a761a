using Fangkong.Core.Data;

namespace Fangkong.Core.Common;

/// <summary>
/// One class of personal data with a retention period (ADR 0026): each feature that keeps such data implements this in its own
/// folder and registers it; the daily purge (Retention's <c>RetentionRun</c>) names none of them. The audit log's and the
/// appeals' classes join the same way.
/// </summary>
public interface IRetentionClass
{
    /// <summary>The class's name in reports and logs ("entries", "contacts", …).</summary>
    string Name { get; }

    /// <summary>How many records are due at <paramref name="nowUtc"/> (the dry run).</summary>
    Task<long> CountDueAsync(FangkongDb db, DateTime nowUtc, CancellationToken ct);

    /// <summary>Deletes at most <paramref name="batch"/> of the records due at <paramref name="nowUtc"/>, whole (a record with its parts); returns how many.</summary>
    Task<int> PurgeBatchAsync(FangkongDb db, DateTime nowUtc, int batch, CancellationToken ct);
}
