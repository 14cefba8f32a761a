namespace Fangkong.Domain.Tracing;

public enum SecondaryContactDecision
{
    /// <summary>Keep the secondary contact under management until the close contact's first two tests are known.</summary>
    Wait = 0,
    /// <summary>The close contact tested positive: their secondary contacts become close contacts.</summary>
    Upgrade = 1,
    /// <summary>The close contact's first two tests were negative: their secondary contacts are released.</summary>
    Release = 2,
}

/// <summary>
/// What happens to a secondary contact (次密接) as the close contact they met is tested. Edition 9: if the close
/// contact's first two nucleic-acid tests are negative, their secondary contacts are released; if the close contact
/// tests positive among them, the secondary contacts are managed as close contacts.
/// </summary>
public static class SecondaryContactRule
{
    /// <param name="closeContactResults">The close contact's test results in sampling order; true = positive.</param>
    public static SecondaryContactDecision Decide(IReadOnlyList<bool> closeContactResults)
    {
        ArgumentNullException.ThrowIfNull(closeContactResults);
        var firstTwo = closeContactResults.Take(2).ToList();
        if (firstTwo.Any(positive => positive)) return SecondaryContactDecision.Upgrade;
        return firstTwo.Count == 2 ? SecondaryContactDecision.Release : SecondaryContactDecision.Wait;
    }
}
