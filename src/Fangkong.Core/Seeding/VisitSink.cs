using Fangkong.Core.Data;
using Fangkong.Core.Gate;

namespace Fangkong.Core.Seeding;

/// <summary>A generated visit, compact until it is written.</summary>
internal readonly record struct VisitRow(long Id, int Resident, int Venue, long Device, DateTime EnteredUtc, DateTime? ExitedUtc,
    EntryMethod Method, decimal? Temperature);

/// <summary>
/// Turns stays into visit rows for one day: entry and exit instants, gate device, method, temperature, and a
/// time-ordered id that is unique by construction rather than by a lookup table. Each resident owns
/// <see cref="MaxPerPersonDay"/> slots; an entry is placed on an even second plus slot ÷ 8192 ms, with
/// slot mod 8192 as the id's sequence. Two visits in the same two-second window then differ in millisecond
/// or sequence unless they are the same slot, and a slot is used once a day.
/// </summary>
internal sealed class VisitSink(CityPlan plan, DateTime midnightUtc, DateTime nowUtc, List<VisitRow> rows)
{
    public const int MaxPerPersonDay = 16;
    private const int SequencesPerMs = 8192; // TimeOrderedIds' 13 sequence bits
    private int _count;
    private bool _reachedNow;

    public void StartPerson()
    {
        _count = 0;
        _reachedNow = false;
    }

    public void Add(int resident, int venue, TimeSpan localStart, TimeSpan length, Random rng)
    {
        if (_reachedNow || _count >= MaxPerPersonDay) return;
        var slot = (long)resident * MaxPerPersonDay + _count;
        var entered = midnightUtc + localStart + TimeSpan.FromSeconds(rng.Next(0, 30) * 2) + TimeSpan.FromMilliseconds(slot / SequencesPerMs);
        if (entered > nowUtc)
        {
            _reachedNow = true; // the rest of this person's day has not happened yet
            return;
        }
        var exited = entered + length;
        var place = plan.VenuePlace[venue];
        var device = plan.FirstDevice[venue] + rng.Next(plan.DeviceCount[venue]);
        rows.Add(new VisitRow(TimeOrderedIds.Compose(entered, TimeOrderedIds.SeedInstance, slot % SequencesPerMs), resident, venue, device,
            entered, exited <= nowUtc ? exited : null, Method(place, rng), place == Place.Bus ? null : Temperature(rng)));
        _count++;
    }

    /// <summary>ID-card readers and health-code scans dominate; buses only scan codes.</summary>
    private static EntryMethod Method(Place place, Random rng)
    {
        var x = rng.Next(100);
        return place switch
        {
            Place.Bus => x < 85 ? EntryMethod.HealthCode : EntryMethod.VenueCode,
            Place.CompoundGate => x < 60 ? EntryMethod.HealthCode : x < 85 ? EntryMethod.IdCard : x < 98 ? EntryMethod.VenueCode : EntryMethod.Manual,
            _ => x < 40 ? EntryMethod.IdCard : x < 92 ? EntryMethod.HealthCode : x < 99 ? EntryMethod.VenueCode : EntryMethod.Manual,
        };
    }

    /// <summary>Normal body temperature, mostly 36.0–37.0 °C; no fever, since these are admitted entries.</summary>
    private static decimal Temperature(Random rng)
    {
        if (rng.Next(50) == 0) return 37.1m + rng.Next(2) / 10m;
        var x = 36.5 + (rng.NextDouble() + rng.NextDouble() + rng.NextDouble() - 1.5) * 0.35;
        return Math.Clamp(Math.Round((decimal)x, 1), 36.0m, 37.0m);
    }

    public static object?[] ToRow(in VisitRow v, CityPlan plan) =>
        [v.Id, (long)v.Resident + 1, plan.Venues[v.Venue].Id, v.Device, v.EnteredUtc, v.ExitedUtc, false, v.Method, v.Temperature];

    public static readonly string[] Columns =
        [nameof(Visit.Id), nameof(Visit.PersonId), nameof(Visit.VenueId), nameof(Visit.EntryDeviceId), nameof(Visit.EnteredAtUtc),
         nameof(Visit.ExitedAtUtc), nameof(Visit.ExitInferred), nameof(Visit.Method), nameof(Visit.Temperature)];
}
