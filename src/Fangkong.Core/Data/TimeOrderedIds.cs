namespace Fangkong.Core.Data;

/// <summary>
/// 64-bit ids that sort by creation time: 42 bits of milliseconds since 2020-01-01, 8 bits of instance,
/// 13 bits of sequence. Id ranges are time ranges, so tables keyed by them partition by time, and many
/// stateless API instances (distinct instance numbers) never collide. Seeded demo rows use small
/// sequential ids, far below any time-ordered id.
/// </summary>
public sealed class TimeOrderedIds(TimeProvider time, int instance = 0)
{
    private static readonly DateTime Epoch = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private const int SequenceBits = 13;
    private const int InstanceBits = 8;
    private readonly Lock _gate = new();
    private long _lastMs = -1;
    private long _sequence;

    public long Next()
    {
        lock (_gate)
        {
            var ms = (long)(time.GetUtcNow().UtcDateTime - Epoch).TotalMilliseconds;
            if (ms < _lastMs) ms = _lastMs; // clock stepped back: keep monotonic
            if (ms == _lastMs)
            {
                _sequence++;
                if (_sequence >= 1L << SequenceBits) { ms = ++_lastMs; _sequence = 0; }
            }
            else
            {
                _sequence = 0;
            }
            _lastMs = ms;
            return (ms << (InstanceBits + SequenceBits)) | ((long)(instance & 0xFF) << SequenceBits) | _sequence;
        }
    }

    /// <summary>Composes an id for a known instant (bulk loads): <paramref name="sequence"/> must be unique within that millisecond and instance.</summary>
    public static long Compose(DateTime utc, int instance, long sequence)
    {
        if (sequence is < 0 or >= 1L << SequenceBits) throw new ArgumentOutOfRangeException(nameof(sequence));
        return LowerBound(utc) | ((long)(instance & 0xFF) << SequenceBits) | sequence;
    }

    /// <summary>Instance number reserved for bulk-loaded demo data.</summary>
    public const int SeedInstance = 255;

    /// <summary>The smallest id that can have been issued at or after <paramref name="utc"/>.</summary>
    public static long LowerBound(DateTime utc) =>
        utc <= Epoch ? 0 : (long)(utc - Epoch).TotalMilliseconds << (InstanceBits + SequenceBits);
}
