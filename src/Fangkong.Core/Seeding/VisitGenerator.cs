namespace Fangkong.Core.Seeding;

/// <summary>
/// Streams a day of visits for every resident. Residents are taken in blocks whose visits are sorted by id
/// (that is, by entry time) before they are written: a few interleaved time-ordered runs load much faster
/// into the time-ordered primary key than person-by-person order, and only one block is held in memory.
/// </summary>
internal sealed class VisitGenerator(CityPlan plan, ResidentProfile[] residents, TimeSpan cityOffset, DateTime nowUtc)
{
    private const int BlockResidents = 50_000;

    /// <summary>Chance that an adult's errand stop is the municipal hall: about a hundred visitors a weekday at any city size.</summary>
    private double CityHallChance => Math.Min(0.05, 300.0 / residents.Length);

    public IEnumerable<object?[]> Day(DateOnly day, Random rng)
    {
        var midnightUtc = DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue) - cityOffset, DateTimeKind.Utc);
        if (midnightUtc >= nowUtc) yield break;
        var weekday = day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
        var block = new List<VisitRow>(Math.Min(residents.Length, BlockResidents) * 5);
        var routine = new DayRoutine(plan, new VisitSink(plan, midnightUtc, nowUtc, block), rng, weekday, CityHallChance);
        for (var first = 0; first < residents.Length; first += BlockResidents)
        {
            block.Clear();
            var end = Math.Min(residents.Length, first + BlockResidents);
            for (var i = first; i < end; i++) routine.Run(i, residents[i]);
            block.Sort(static (a, b) => a.Id.CompareTo(b.Id));
            foreach (var v in block) yield return VisitSink.ToRow(v, plan);
        }
    }
}
