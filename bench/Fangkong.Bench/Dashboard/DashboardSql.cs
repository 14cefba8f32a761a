using System.Data.Common;
using System.Globalization;
using Fangkong.Domain.Quarantine;
using Fangkong.Domain.Tracing;

namespace Fangkong.Bench.Dashboard;

/// <summary>What the plain SQL baselines counted, for the correctness check against the product's figures.</summary>
internal sealed record SqlCounts(int NewConfirmed, int NewAsymptomatic, int CumulativeConfirmed, int CloseUnderObservation, int SecondaryUnderObservation,
    IReadOnlyDictionary<DateOnly, int> ConfirmedByDay, int InQuarantine);

/// <summary>
/// The baselines: the GROUP BY queries a hand-written dashboard or bulletin would send, straight over ADO.NET on the
/// store's own indexes (cases by district, class and day; contacts by grade; stays by place), with no facts loaded and
/// no counting in memory. They read the day columns the product stamps (<c>ReportedOn</c>, <c>ConfirmedOn</c>,
/// <c>EndedOn</c>), so they are the cheapest honest way to the same numbers.
/// </summary>
internal static class DashboardSql
{
    /// <summary>The dashboard's panels: 30 days of new cases by day, place and class, endings, cumulative, contacts, isolation.</summary>
    public static async Task<SqlCounts> DashboardAsync(DbConnection c, DateOnly today, DateOnly from, string[]? districts, bool withUnknown)
    {
        var area = Area("c", districts, withUnknown);
        var byDay = new Dictionary<DateOnly, int>();
        await ReadAsync(c, $"""
            SELECT c."ConfirmedOn", c."DistrictCode", c."Class", COUNT(*) FROM cases c
            WHERE c."ConfirmedOn" >= @from AND c."Class" BETWEEN 2 AND 5 {area} GROUP BY c."ConfirmedOn", c."DistrictCode", c."Class"
            """, r => byDay[Day(r.GetValue(0))] = byDay.GetValueOrDefault(Day(r.GetValue(0))) + Int(r, 3), ("@from", from));
        await ReadAsync(c, $"""
            SELECT c."ReportedOn", c."DistrictCode", COUNT(*) FROM cases c
            WHERE c."ReportedOn" >= @from AND (c."Class" = 1 OR c."ConfirmedOn" > c."ReportedOn") {area} GROUP BY c."ReportedOn", c."DistrictCode"
            """, _ => { }, ("@from", from));
        await ReadAsync(c, $"""
            SELECT c."EndedOn", c."Status", COUNT(*) FROM cases c WHERE c."EndedOn" >= @from {area} GROUP BY c."EndedOn", c."Status"
            """, _ => { }, ("@from", from));
        var (newConfirmed, newAsymptomatic, cumulative) = await TodayAsync(c, today, area);
        var (close, secondary) = await ContactsAsync(c, today, area);
        var inQuarantine = 0;
        await ReadAsync(c, """SELECT "Place", COUNT(*) FROM quarantine_stays WHERE "State" = @in GROUP BY "Place" """, r => inQuarantine += Int(r, 1),
            ("@in", (int)QuarantineState.InQuarantine));
        return new SqlCounts(newConfirmed, newAsymptomatic, cumulative, close, secondary, byDay, inQuarantine);
    }

    /// <summary>One day's bulletin: that day's new cases by place and class, conversions, endings, cumulative totals and contacts.</summary>
    public static async Task<SqlCounts> BulletinAsync(DbConnection c, DateOnly day, string[]? districts, bool withUnknown)
    {
        var area = Area("c", districts, withUnknown);
        await ReadAsync(c, $"""
            SELECT c."DistrictCode", COUNT(*) FROM cases c WHERE c."ConfirmedOn" = @day AND c."ReportedOn" < @day {area} GROUP BY c."DistrictCode"
            """, _ => { }, ("@day", day));
        await ReadAsync(c, $"""
            SELECT c."Status", COUNT(*) FROM cases c WHERE c."EndedOn" = @day {area} GROUP BY c."Status"
            """, _ => { }, ("@day", day));
        var (newConfirmed, newAsymptomatic, cumulative) = await TodayAsync(c, day, area);
        var (close, secondary) = await ContactsAsync(c, day, area);
        return new SqlCounts(newConfirmed, newAsymptomatic, cumulative, close, secondary, new Dictionary<DateOnly, int>(), 0);
    }

    // The day's new confirmed (by place and class) and asymptomatic (by place), and the cumulative confirmed by place.
    private static async Task<(int New, int Asymptomatic, int Cumulative)> TodayAsync(DbConnection c, DateOnly day, string area)
    {
        int confirmed = 0, asymptomatic = 0, cumulative = 0;
        await ReadAsync(c, $"""
            SELECT c."DistrictCode", c."Class", COUNT(*) FROM cases c WHERE c."ConfirmedOn" = @day AND c."Class" BETWEEN 2 AND 5 {area} GROUP BY c."DistrictCode", c."Class"
            """, r => confirmed += Int(r, 2), ("@day", day));
        await ReadAsync(c, $"""
            SELECT c."DistrictCode", COUNT(*) FROM cases c
            WHERE c."ReportedOn" = @day AND (c."Class" = 1 OR c."ConfirmedOn" > c."ReportedOn") {area} GROUP BY c."DistrictCode"
            """, r => asymptomatic += Int(r, 1), ("@day", day));
        await ReadAsync(c, $"""
            SELECT c."DistrictCode", COUNT(*) FROM cases c WHERE c."ConfirmedOn" <= @day AND c."Class" BETWEEN 2 AND 5 {area} GROUP BY c."DistrictCode"
            """, r => cumulative += Int(r, 1), ("@day", day));
        return (confirmed, asymptomatic, cumulative);
    }

    // Close and secondary contacts under observation at the end of the day (confirmed by then, not yet released, not
    // reported a case by then), of the area's cases: persons, as the bulletin counts them, however many cases each is a contact of.
    private static async Task<(int Close, int Secondary)> ContactsAsync(DbConnection c, DateOnly day, string area)
    {
        var end = day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-8);
        int close = 0, secondary = 0;
        await ReadAsync(c, $"""
            SELECT p."Grade", COUNT(DISTINCT p."PersonId") FROM contact_proposals p JOIN cases c ON c."Id" = p."CaseId"
            WHERE p."Status" = @confirmed AND p."Grade" IN (@close, @secondary) AND p."DecidedAtUtc" < @end
              AND (p."ReleasedAtUtc" IS NULL OR p."ReleasedAtUtc" >= @end) {area}
              AND NOT EXISTS (SELECT 1 FROM cases k WHERE k."PersonId" = p."PersonId" AND k."Class" <> @suspected AND k."ReportedAtUtc" < @end)
            GROUP BY p."Grade"
            """, r =>
        {
            if (Int(r, 0) == (int)ContactGrade.Close) close += Int(r, 1);
            else secondary += Int(r, 1);
        }, ("@confirmed", (int)ProposalStatus.Confirmed), ("@close", (int)ContactGrade.Close), ("@secondary", (int)ContactGrade.Secondary), ("@end", end),
            ("@suspected", (int)CaseClass.Suspected));
        return (close, secondary);
    }

    // The area as a condition on the cases' district: every district of the area, and for a city or province also the
    // cases without a known district (the bulletin counts them there, as "address unknown"); none when the store is the area.
    private static string Area(string alias, string[]? districts, bool withUnknown) => districts is null ? "" :
        $"AND ({alias}.\"DistrictCode\" IN ({string.Join(", ", districts.Select(d => $"'{d}'"))}){(withUnknown ? $" OR {alias}.\"DistrictCode\" IS NULL" : "")})";

    private static async Task ReadAsync(DbConnection c, string sql, Action<DbDataReader> row, params (string Name, object Value)[] args)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in args) OutbreakCity.Add(cmd, name, value);
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) row(r);
    }

    private static int Int(DbDataReader r, int i) => Convert.ToInt32(r.GetValue(i), CultureInfo.InvariantCulture);

    private static DateOnly Day(object v) => v switch
    {
        DateOnly d => d,
        DateTime t => DateOnly.FromDateTime(t),
        string s => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"a day column read as {v.GetType()}"),
    };
}
