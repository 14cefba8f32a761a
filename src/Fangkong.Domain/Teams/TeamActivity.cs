namespace Fangkong.Domain.Teams;

/// <summary>
/// What a member did in the platform that counts as a team's output: each is a record the member's own account wrote,
/// so output is counted, never typed in.
/// </summary>
public enum TeamActivity
{
    /// <summary>Swabs taken (a sample recorded by the sampler's account).</summary>
    Samples = 1,
    /// <summary>Households screened door to door (敲门).</summary>
    DoorsKnocked = 2,
    /// <summary>Community problems answered and closed.</summary>
    ProblemsClosed = 3,
    /// <summary>Quarantine check-ins recorded by staff for the people they watch.</summary>
    CheckInsRecorded = 4,
    /// <summary>Tube results posted at the lab.</summary>
    LabResults = 5,
}
