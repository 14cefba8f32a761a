namespace Fangkong.Domain.Teams;

/// <summary>What a team is sent to do (issue 18): the kinds cities deployed in 2020–2022.</summary>
public enum TeamKind
{
    /// <summary>An aid team sent from another city (援助队): medics, scanners, staff.</summary>
    Aid = 1,
    /// <summary>A sampling team (采样队) at a round's sites or door to door.</summary>
    Sampling = 2,
    /// <summary>A door-knocking team (敲门队) screening households.</summary>
    DoorKnocking = 3,
    /// <summary>A checkpoint or gate shift (卡口班组).</summary>
    CheckpointShift = 4,
    /// <summary>A disinfection squad (消杀队).</summary>
    Disinfection = 5,
}
