using Fangkong.Core.Zones;

namespace Fangkong.Core.Simulation;

/// <summary>
/// A simulated day's zones for the progress lines (the command line's and the demo start's): those put in force and
/// those lifted, by number and name, with their level as their preset calls it. The lines are the report's, in English;
/// names are data and levels are worded in the current culture.
/// </summary>
public static class OutbreakZoneLines
{
    public static IEnumerable<string> Of(OutbreakDay d)
    {
        if (d.Zones.New.Count > 0) yield return "zones set: " + Names(d.Zones.New);
        if (d.Zones.Lifted.Count > 0) yield return "zones lifted: " + Names(d.Zones.Lifted);
    }

    private static string Names(IEnumerable<DayZone> zones) =>
        string.Join(", ", zones.Select(z => $"{z.Number} {z.Name} ({ZoneWords.Level(z.Preset, z.Level)})"));
}
