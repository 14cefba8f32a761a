using Fangkong.Domain.Places;

namespace Fangkong.Domain.Supervision;

/// <summary>Why a venue's gates look like a prop (卡点岂能成摆设): what the data shows, not what anyone reported.</summary>
public enum UnattendedSign
{
    /// <summary>Open by its hours, and its gates recorded nothing for longer than the policy allows.</summary>
    Silent = 1,
    /// <summary>Its entries carry no temperature: nobody measured.</summary>
    NoTemperature = 2,
    /// <summary>It admitted everyone while the city has red codes: nobody checked.</summary>
    AdmitsAll = 3,
}

/// <summary>The thresholds of the unattended-gate rule (issue 24 part 1); configurable under <c>Policy:Supervision</c>.</summary>
public sealed record GateWatchPolicy
{
    /// <summary>An open venue whose gates record nothing this long is silent.</summary>
    public int SilentMinutes { get; init; } = 120;
    /// <summary>The window over which the entries' temperatures and the admit rate are judged.</summary>
    public int WindowMinutes { get; init; } = 120;
    /// <summary>Entries in the window below this say too little to judge temperatures or the admit rate.</summary>
    public int MinEntries { get; init; } = 10;
    /// <summary>The share of gate-recorded entries without a temperature at or above which nobody is measuring.</summary>
    public double NoTemperatureShare { get; init; } = 0.9;
    public string Version { get; init; } = "gate-watch-2026.1";
}

/// <summary>
/// What the platform knows about one venue's gates at a moment: its hours, when they last recorded anything, and the
/// window's counts. Phones scanning the venue's code are not the gate's staff: their entries carry no temperature by
/// design (ADR 0038) and are left out of <see cref="GateEntries"/> and <see cref="WithoutTemperature"/>.
/// </summary>
public sealed record GateWatchFacts(
    OpeningHours Hours,
    DateTime NowLocal,
    DateTime? LastRecordLocal,
    int GateEntries,
    int WithoutTemperature,
    int Admitted,
    int Denied,
    bool CityHasRedCodes,
    bool HasGates);

/// <summary>The unattended-gate rule: pure, over one venue's facts; no sign means the gates look staffed.</summary>
public static class GateWatch
{
    public static IReadOnlyList<UnattendedSign> Signs(GateWatchFacts f, GateWatchPolicy p)
    {
        if (!f.HasGates || !f.Hours.IsOpenAt(TimeOnly.FromDateTime(f.NowLocal))) return [];
        var signs = new List<UnattendedSign>();
        // Silent only once the venue has been open for the whole silence: a venue that opened an hour ago is not silent yet.
        var openedAt = OpenedAt(f.Hours, f.NowLocal);
        var since = f.LastRecordLocal is { } last && last > openedAt ? last : openedAt;
        if (f.NowLocal - since >= TimeSpan.FromMinutes(p.SilentMinutes)) signs.Add(UnattendedSign.Silent);
        if (f.GateEntries >= p.MinEntries && f.WithoutTemperature >= p.NoTemperatureShare * f.GateEntries) signs.Add(UnattendedSign.NoTemperature);
        if (f.CityHasRedCodes && f.Admitted >= p.MinEntries && f.Denied == 0) signs.Add(UnattendedSign.AdmitsAll);
        return signs;
    }

    /// <summary>When the venue last opened before <paramref name="nowLocal"/> (an all-day venue: midnight).</summary>
    public static DateTime OpenedAt(OpeningHours h, DateTime nowLocal)
    {
        if (h.IsAllDay) return nowLocal.Date;
        var opened = nowLocal.Date + h.Opens.ToTimeSpan();
        if (opened > nowLocal) opened = opened.AddDays(-1);
        return opened;
    }
}
