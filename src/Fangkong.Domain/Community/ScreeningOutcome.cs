namespace Fangkong.Domain.Community;

/// <summary>What a door-to-door screening visit (敲门行动) found at a household.</summary>
public enum ScreeningOutcome
{
    /// <summary>Everyone registered at the household was seen.</summary>
    AllHome = 1,
    /// <summary>Some members were seen, others are away.</summary>
    SomeAway = 2,
    /// <summary>Nobody opened; what is known of the members came from neighbours or by phone.</summary>
    NobodyHome = 3,
    /// <summary>The household refused to answer.</summary>
    Refused = 4,
}

/// <summary>What a grid worker raises to the community (domain.md §8: "reports problems at once").</summary>
public enum ProblemCategory
{
    Supplies = 1,
    Medicine = 2,
    MedicalCare = 3,
    Testing = 4,
    Quarantine = 5,
    Returnee = 6,
    SpecialNeeds = 7,
    Other = 9,
}

public enum ProblemState
{
    Open = 1,
    Answered = 2,
    Closed = 3,
}
