namespace Fangkong.Domain.Tracing;

/// <summary>
/// The national prevention-and-control protocol the administrator has chosen (新型冠状病毒肺炎防控方案). Every case,
/// contact and quarantine records the edition it was handled under, since the rules changed between them.
/// </summary>
public enum PolicyEdition
{
    /// <summary>Protocol edition 8 (May 2021).</summary>
    Edition8 = 8,
    /// <summary>Protocol edition 9 (June 2022).</summary>
    Edition9 = 9,
    /// <summary>The 20 measures (二十条, November 2022).</summary>
    TwentyMeasures = 20,
}

/// <summary>The tracing rules of an edition (domain.md §5).</summary>
public sealed record TracingPolicy(PolicyEdition Edition, int DaysBeforeOnset, bool IdentifiesSecondaryContacts)
{
    public static TracingPolicy For(PolicyEdition edition) => edition switch
    {
        // Edition 8 traced from 2 days before onset; edition 9 widened it to 4.
        PolicyEdition.Edition8 => new(edition, 2, true),
        PolicyEdition.Edition9 => new(edition, 4, true),
        // The 20 measures stopped identifying secondary contacts; the window stayed as in edition 9.
        PolicyEdition.TwentyMeasures => new(edition, 4, false),
        _ => throw new ArgumentOutOfRangeException(nameof(edition), edition, "unknown policy edition"),
    };
}
