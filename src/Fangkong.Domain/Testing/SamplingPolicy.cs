using Fangkong.Domain.Codes;
using Fangkong.Domain.Text;

namespace Fangkong.Domain.Testing;

/// <summary>How a round pools swabs and how results and absences colour codes (domain.md §3, §4).</summary>
public sealed record SamplingPolicy
{
    /// <summary>Swabs per pooled tube: 10 by default; 5 and 20 approved.</summary>
    public int PoolSize { get; init; } = Pooling.DefaultPoolSize;
    /// <summary>Key groups (and, once the quarantine issue lands, isolation sites) are sampled in single tubes.</summary>
    public bool SingleTubeForKeyGroups { get; init; } = true;
    /// <summary>In sealed compounds one tube holds one household.</summary>
    public bool HouseholdTubeInSealedCompounds { get; init; } = true;
    /// <summary>Colour of a positive pool's members until their single-tube re-test (yellow or red per policy).</summary>
    public CodeColour PositivePoolColour { get; init; } = CodeColour.Yellow;
    /// <summary>Whether residents who skipped the round turn yellow when it closes (cleared by one sampling).</summary>
    public bool YellowForMissedRound { get; init; } = true;

    public TimeSpan WaveLength { get; init; } = TimeSpan.FromMinutes(20);

    /// <summary>Null when the policy is coherent; otherwise the field at fault and why.</summary>
    public (string Field, Message Reason)? Validate()
    {
        if (!Pooling.AllowedPoolSizes.Contains(PoolSize))
            return ("poolSize", new Message("Testing.PoolSize"));
        if (PositivePoolColour == CodeColour.Green)
            return ("positivePoolColour", new Message("Testing.PositivePoolColour"));
        if (WaveLength < TimeSpan.FromMinutes(5) || WaveLength > TimeSpan.FromHours(2))
            return ("waveMinutes", new Message("Testing.WaveMinutes"));
        return null;
    }
}

/// <summary>What a tube holds: a pool, one person, one household (sealed compounds), or a re-sample after a positive pool.</summary>
public enum TubeKind { Pool = 1, OnePerson = 2, Household = 3, Resample = 4 }

public enum TubeOutcome { Negative = 1, Positive = 2 }

/// <summary>What a tube's result means for each person in it.</summary>
public enum PersonOutcome { Negative = 1, PoolPositive = 2, Positive = 3 }

/// <summary>Fan-out of a tube result to persons (domain.md §4): tubes are never pooled again in the lab.</summary>
public static class FanOut
{
    /// <summary>
    /// A negative tube makes every member negative. A positive tube with one swab is that person's positive result
    /// (a case); with several swabs nobody is known positive: every member is controlled and re-sampled singly.
    /// </summary>
    public static PersonOutcome ForMembers(TubeOutcome outcome, int members)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(members, 1);
        if (outcome == TubeOutcome.Negative) return PersonOutcome.Negative;
        return members == 1 ? PersonOutcome.Positive : PersonOutcome.PoolPositive;
    }

    /// <summary>Swabs a tube of this kind takes before it closes by itself.</summary>
    public static int Capacity(TubeKind kind, SamplingPolicy policy) => kind switch
    {
        TubeKind.Pool => policy.PoolSize,
        TubeKind.Household => policy.PoolSize * 2, // closed by hand when the household is done; a cap stops a forgotten tube
        _ => 1,
    };
}
