namespace Fangkong.Domain.Quarantine;

public enum RestartDecision
{
    /// <summary>The current quarantine already holds the person at least as long and as strictly: nothing changes.</summary>
    Covered = 1,
    /// <summary>The count starts again from the new exposure (隔离期重新计算) under the new designation's preset.</summary>
    Restart = 2,
}

/// <summary>
/// A person in quarantine designated again by a later case: the protocols count the quarantine from the last exposure,
/// so it restarts when the new designation would end later. A secondary-contact designation never downgrades a close
/// contact's quarantine — the stricter management already applies.
/// </summary>
public static class RestartRule
{
    public static RestartDecision Decide(ContactRole currentRole, DateOnly currentRelease, ContactRole newRole, DateOnly newRelease)
    {
        if (newRole == ContactRole.SecondaryContact && currentRole == ContactRole.CloseContact) return RestartDecision.Covered;
        return newRelease > currentRelease ? RestartDecision.Restart : RestartDecision.Covered;
    }
}
