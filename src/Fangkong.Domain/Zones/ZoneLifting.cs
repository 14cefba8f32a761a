using Fangkong.Domain.Text;

namespace Fangkong.Domain.Zones;

/// <summary>
/// When a zone may be lowered or lifted (domain.md §7), evaluated once a day from the zone's facts. The rule proposes;
/// an officer confirms and a second officer approves.
/// </summary>
public static class ZoneLifting
{
    public const string ThreeZonesRule = "three-zones-lift";
    public const string RiskAreaDowngradeRule = "risk-area-high-to-medium";
    public const string RiskAreaLiftRule = "risk-area-to-low";
    public const string MediumAfterHighRule = "risk-area-medium-after-high";
    public const string TwentyMeasuresRule = "twenty-measures-lift";
    public const string PrecautionRule = "precaution-no-zones-left";

    public static ZoneAssessment Assess(ZoneFacts facts, DateOnly today, ZonePolicy policy) => (policy.Preset, facts.Level) switch
    {
        (_, ZoneLevel.Precaution) => throw new ArgumentException("a precaution zone lifts with its district: use AssessPrecaution", nameof(facts)),
        (ZonePreset.ThreeZones, _) => ThreeZones(facts, today, policy),
        (ZonePreset.TwentyMeasures, ZoneLevel.Sealed) => ClearDaysOnly(facts, today, policy.TwentyMeasuresClearDays, TwentyMeasuresRule),
        (_, ZoneLevel.Controlled) when facts.DowngradedFromSealed => ClearDaysOnly(facts, today, policy.MediumAfterHighDays, MediumAfterHighRule),
        (_, ZoneLevel.Sealed) => RiskArea(facts, today, policy, ZoneStep.Downgrade, ZoneLevel.Controlled, RiskAreaDowngradeRule),
        _ => RiskArea(facts, today, policy, ZoneStep.Lift, null, RiskAreaLiftRule),
    };

    /// <summary>A precaution (low-risk) zone lifts when its district has no sealed or controlled zone left.</summary>
    public static ZoneAssessment AssessPrecaution(int sealedOrControlledInDistrict) => sealedOrControlledInDistrict == 0
        ? new(ZoneStep.Lift, null, PrecautionRule, [new("Zones.Met.NoZonesLeft")], [])
        : new(ZoneStep.Stay, null, PrecautionRule, [], [new("Zones.Missing.ZonesLeft", N(sealedOrControlledInDistrict))]);

    /// <summary>
    /// A positive found inside a controlled zone turns it sealed at once; a sealed zone stays sealed (its clock
    /// restarts from the new infection). Null: a precaution zone is not upgraded — the case gets a zone of its own.
    /// </summary>
    public static ZoneLevel? OnPositiveInside(ZoneLevel level) => level switch
    {
        ZoneLevel.Controlled or ZoneLevel.Sealed => ZoneLevel.Sealed,
        _ => null,
    };

    private static ZoneAssessment ThreeZones(ZoneFacts f, DateOnly today, ZonePolicy p)
    {
        var met = new List<Message>();
        var missing = new List<Message>();
        ClearDays(f, today, p.ThreeZonesClearDays, met, missing);

        if (f.LastCloseContactOut is not { } outOn) met.Add(new("Zones.Met.NoContactsOut"));
        else
        {
            var since = today.DayNumber - outOn.DayNumber;
            if (since <= p.ContactOutDays) missing.Add(new("Zones.Missing.ContactOut", N(since), N(p.ContactOutDays)));
            else if (!f.LastCloseContactNegative) missing.Add(new("Zones.Missing.ContactNegative"));
            else met.Add(new("Zones.Met.ContactOut", N(since)));
        }

        RoundSince(f.LatestRound, today.AddDays(-p.RoundWithinDays), "Zones.Missing.RecentRound", N(p.RoundWithinDays), met, missing);
        return Verdict(ZoneStep.Lift, null, ThreeZonesRule, met, missing);
    }

    private static ZoneAssessment RiskArea(ZoneFacts f, DateOnly today, ZonePolicy p, ZoneStep step, ZoneLevel? to, string rule)
    {
        var met = new List<Message>();
        var missing = new List<Message>();
        ClearDays(f, today, p.RiskAreaClearDays, met, missing);
        // The negative round of the whole area must be taken on the last clear day or later (day 7).
        var clearFrom = today.AddDays(-f.DaysWithoutInfection(today));
        RoundSince(f.LatestRound, clearFrom.AddDays(p.RiskAreaClearDays), "Zones.Missing.DayRound", N(p.RiskAreaClearDays), met, missing);
        return Verdict(step, to, rule, met, missing);
    }

    private static ZoneAssessment ClearDaysOnly(ZoneFacts f, DateOnly today, int days, string rule)
    {
        var met = new List<Message>();
        var missing = new List<Message>();
        ClearDays(f, today, days, met, missing);
        return Verdict(ZoneStep.Lift, null, rule, met, missing);
    }

    private static void ClearDays(ZoneFacts f, DateOnly today, int needed, List<Message> met, List<Message> missing)
    {
        var clear = f.DaysWithoutInfection(today);
        if (clear >= needed) met.Add(new("Zones.Met.ClearDays", N(clear)));
        else missing.Add(new("Zones.Missing.ClearDays", N(clear), N(needed)));
    }

    private static void RoundSince(ZoneRound? round, DateOnly earliest, string missingKey, string days, List<Message> met, List<Message> missing)
    {
        if (round is null || round.Day < earliest) missing.Add(new(missingKey, days));
        else if (round.AllNegative) met.Add(new("Zones.Met.Round", round.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), N(round.Residents)));
        else
        {
            if (round.NotSampled > 0) missing.Add(new("Zones.Missing.NotSampled", N(round.NotSampled)));
            if (round.Pending > 0) missing.Add(new("Zones.Missing.Pending", N(round.Pending)));
            if (round.Positive > 0) missing.Add(new("Zones.Missing.PositiveInRound", N(round.Positive)));
        }
    }

    private static ZoneAssessment Verdict(ZoneStep step, ZoneLevel? to, string rule, List<Message> met, List<Message> missing) =>
        missing.Count == 0 ? new(step, to, rule, met, missing) : new(ZoneStep.Stay, null, rule, met, missing);

    private static string N(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
