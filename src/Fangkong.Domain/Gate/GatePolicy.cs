namespace Fangkong.Domain.Gate;

/// <summary>Entry-control thresholds (domain.md §2). Every number is configurable; outcomes record the version.</summary>
public sealed record GatePolicy
{
    public string Version { get; init; } = "2022.9-fk1";
    public decimal FeverCelsius { get; init; } = 37.3m;
    public decimal MinPlausibleCelsius { get; init; } = 34.0m;
    public decimal MaxPlausibleCelsius { get; init; } = 43.0m;
    public int EntryRetentionDays { get; init; } = 28;
}
