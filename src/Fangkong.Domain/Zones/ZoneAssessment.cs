using Fangkong.Domain.Text;

namespace Fangkong.Domain.Zones;

/// <summary>What the rules propose for a zone today.</summary>
public enum ZoneStep
{
    /// <summary>Nothing yet: <see cref="ZoneAssessment.Missing"/> says what is still missing.</summary>
    Stay = 0,

    /// <summary>Lower the zone by one level (edition 9: high → medium).</summary>
    Downgrade = 1,

    /// <summary>End the zone: its members fall back to the district's precaution.</summary>
    Lift = 2,
}

/// <summary>
/// A lifting rule's verdict: the step it proposes, each condition that holds (the facts that satisfy it) and each that
/// does not yet ("day 9 of 14"). A person confirms a proposed step; nothing is lifted by the rule alone.
/// </summary>
public sealed record ZoneAssessment(ZoneStep Step, ZoneLevel? NewLevel, string Rule, IReadOnlyList<Message> Met, IReadOnlyList<Message> Missing);
