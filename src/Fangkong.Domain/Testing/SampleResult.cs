namespace Fangkong.Domain.Testing;

/// <summary>
/// What one sample's tube says about its person (domain.md §4): no result yet; negative; a positive pool (controlled and
/// re-sampled, not a case); or positive — a positive tube holding this one swab. The lab reports no "invalid" result:
/// a tube that cannot be read is re-sampled, never posted.
/// </summary>
public enum SampleResult { Pending = 1, Negative = 2, PoolPositive = 3, Positive = 4 }
