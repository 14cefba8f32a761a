using Fangkong.Domain.Tracing;

namespace Fangkong.Domain.Quarantine;

/// <summary>Why a person is in quarantine: a case's close or secondary contact, or a returnee the traveller rule isolated (no case).</summary>
public enum ContactRole { CloseContact = 1, SecondaryContact = 2, Returnee = 3 }

public enum QuarantinePlace { Centralized = 1, Home = 2 }

/// <summary>
/// One stage of a quarantine: where, how many days, and on which of its days (1-based) a test is taken.
/// Home health monitoring after centralized quarantine is a home stage.
/// </summary>
public sealed record QuarantineStage(QuarantinePlace Place, int Days, IReadOnlyList<int> TestDays);

/// <summary>What a contact of a role serves under an edition, stage by stage; null role plans mean "not identified".</summary>
public sealed record QuarantinePlan(ContactRole Role, IReadOnlyList<QuarantineStage> Stages, int SamplesOnLastTest = 1)
{
    public int TotalDays => Stages.Sum(s => s.Days);
}

/// <summary>The three presets of domain.md §6; the administrator picks one and every quarantine records it.</summary>
public static class QuarantinePresets
{
    public static QuarantinePlan? For(PolicyEdition edition, ContactRole role) => (edition, role) switch
    {
        // Edition 8: 14 days centralized + 7 days home; tests on days 1, 4, 7, 14; two samples (different reagents) before release.
        (PolicyEdition.Edition8, ContactRole.CloseContact) => new(role,
            [new(QuarantinePlace.Centralized, 14, [1, 4, 7, 14]), new(QuarantinePlace.Home, 7, [])], SamplesOnLastTest: 2),
        // Edition 8 secondary contacts: 7 days centralized. The protocol's test days for them are not in domain.md;
        // days 1, 4 and 7 follow edition 9's secondary schedule (assumption, labelled).
        (PolicyEdition.Edition8, ContactRole.SecondaryContact) => new(role, [new(QuarantinePlace.Centralized, 7, [1, 4, 7])]),
        // Edition 9: 7 days centralized (tests days 1, 2, 3, 5, 7) + 3 days home health monitoring (test on home day 3).
        (PolicyEdition.Edition9, ContactRole.CloseContact) => new(role,
            [new(QuarantinePlace.Centralized, 7, [1, 2, 3, 5, 7]), new(QuarantinePlace.Home, 3, [3])]),
        (PolicyEdition.Edition9, ContactRole.SecondaryContact) => new(role, [new(QuarantinePlace.Home, 7, [1, 4, 7])]),
        // The 20 measures: 5 days centralized (tests days 1, 2, 3, 5) + 3 days home (tests on home days 1 and 3).
        (PolicyEdition.TwentyMeasures, ContactRole.CloseContact) => new(role,
            [new(QuarantinePlace.Centralized, 5, [1, 2, 3, 5]), new(QuarantinePlace.Home, 3, [1, 3])]),
        (PolicyEdition.TwentyMeasures, ContactRole.SecondaryContact) => null,
        // A returnee's stay follows the traveller rule's days (Travel), not a contact's preset.
        (_, ContactRole.Returnee) => null,
        _ => throw new ArgumentOutOfRangeException(nameof(edition), $"no preset for {edition} / {role}"),
    };
}
