namespace Fangkong.Core.Appeals;

/// <summary>The operator's appeal settings (<c>Policy:Appeals</c>).</summary>
public sealed record AppealPolicy
{
    /// <summary>How long an office has to answer an appeal; past it the appeal is flagged overdue in the queue.</summary>
    public int DeadlineHours { get; init; } = 24;
    /// <summary>The most persons one bulk request may name.</summary>
    public int MaxBulkLines { get; init; } = 2000;
}
