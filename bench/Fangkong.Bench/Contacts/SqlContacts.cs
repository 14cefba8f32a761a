using System.Data.Common;
using Fangkong.Domain.Places;
using Fangkong.Domain.Tracing;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Fangkong.Bench.Contacts;

/// <summary>A contact found for a source person: the earliest qualifying shared visit (venue, when they were first together).</summary>
internal readonly record struct Contact(long Source, long Person, long Venue, long TogetherTicks);

/// <summary>A source of a contact search: a person and the start of their window (all windows end at the same "now").</summary>
internal readonly record struct Source(long Person, DateTime StartUtc);

/// <summary>
/// The baseline: plain indexed SQL. Contacts are a time-windowed self-join of visits — the source's stays at
/// close-contact-grade venues (by the (PersonId, EnteredAtUtc) index; on PostgreSQL materialized first: left to itself
/// it joined the stays at gates and markets to the other visits too and filtered by venue type only afterwards, 43 s
/// instead of 7 s for a batch at 100,000 residents; on SQLite the same CTE made it slower, so it is not used), joined to the other stays at the same venue by the (VenueId, EnteredAtUtc) index
/// over entries in [max(source in, window start) − longest stay, min(source out, window end)) — with the venue type's
/// threshold in a CASE, and the earliest shared visit per (source, person) chosen in SQL (DISTINCT ON on PostgreSQL, a
/// bare column beside MIN() on SQLite). Pairs are the same self-join at the risk venues of a day, each pair of stays
/// once (the later-entered one joined to the earlier). The longest stay is the one in the data, the tightest bound a
/// constant can give. The lower bound on PostgreSQL is written as two plain comparisons: as one GREATEST() the
/// planner left it out of the index condition and scanned each venue's whole history (240 s instead of 10 s for a
/// batch at 20,000 residents). JIT is off for these connections (see <see cref="ContactStore.ConnectAsync"/>).
/// </summary>
internal sealed class SqlContacts(ContactStore store, TimeSpan longest)
{
    private static readonly ContactThresholds Thresholds = ContactThresholds.Default;
    private static readonly VenueType[] GradeTypes = VenueTypes.All.Where(Thresholds.IsCloseContactGrade).ToArray();

    private static string ThresholdSeconds(string typeColumn) =>
        $"CASE {typeColumn} {string.Concat(GradeTypes.Select(t => $"WHEN {(int)t} THEN {(long)Thresholds.MinimumOverlap(t)!.Value.TotalSeconds} "))}END";

    private static string GradeList => string.Join(", ", GradeTypes.Select(t => (int)t));

    public async Task<List<Contact>> ContactsAsync(IReadOnlyList<Source> sources, DateTime endUtc)
    {
        var result = new List<Contact>();
        if (sources.Count == 0) return result;
        await using var c = await store.ConnectAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandTimeout = 0;
        if (store.IsPostgres)
        {
            cmd.CommandText = $"""
                WITH own AS MATERIALIZED (
                    SELECT src.p, src.ws, s."VenueId" AS venue, s."EnteredAtUtc" AS sin, s."ExitedAtUtc" AS sout, ve."Type" AS type
                    FROM unnest(@p, @ws) AS src(p, ws)
                    JOIN visits s ON s."PersonId" = src.p AND s."EnteredAtUtc" >= src.ws - @longest AND s."EnteredAtUtc" < @we AND s."ExitedAtUtc" > src.ws
                    JOIN venues ve ON ve."Id" = s."VenueId"
                    WHERE ve."Type" IN ({GradeList}))
                SELECT DISTINCT ON (own.p, o."PersonId") own.p, o."PersonId", own.venue, GREATEST(own.sin, o."EnteredAtUtc") AS together
                FROM own
                JOIN visits o ON o."VenueId" = own.venue
                    AND o."EnteredAtUtc" >= own.sin - @longest AND o."EnteredAtUtc" >= own.ws - @longest
                    AND o."EnteredAtUtc" < LEAST(own.sout, @we)
                    AND o."ExitedAtUtc" > GREATEST(own.sin, own.ws)
                WHERE o."PersonId" <> own.p
                  AND LEAST(own.sout, @we, o."ExitedAtUtc") - GREATEST(own.sin, own.ws, o."EnteredAtUtc") >= {ThresholdSeconds("own.type")} * interval '1 second'
                ORDER BY own.p, o."PersonId", together
                """;
            var n = (NpgsqlCommand)cmd;
            n.Parameters.AddWithValue("p", sources.Select(s => s.Person).ToArray());
            n.Parameters.AddWithValue("ws", sources.Select(s => s.StartUtc).ToArray());
            n.Parameters.AddWithValue("we", endUtc);
            n.Parameters.AddWithValue("longest", longest);
        }
        else
        {
            var values = string.Join(",", sources.Select(s => $"({s.Person},'{Text(s.StartUtc)}','{Text(s.StartUtc - longest)}')"));
            cmd.CommandText = $"""
                WITH src(p, ws, lo) AS (VALUES {values})
                SELECT src.p, o."PersonId", s."VenueId", MIN(max(s."EnteredAtUtc", o."EnteredAtUtc")) AS together
                FROM src
                JOIN visits s ON s."PersonId" = src.p AND s."EnteredAtUtc" >= src.lo AND s."EnteredAtUtc" < $we AND s."ExitedAtUtc" > src.ws
                JOIN venues ve ON ve."Id" = s."VenueId"
                JOIN visits o ON o."VenueId" = s."VenueId"
                    AND o."EnteredAtUtc" >= strftime('%Y-%m-%d %H:%M:%S', max(s."EnteredAtUtc", src.ws), '-{(long)longest.TotalSeconds} seconds')
                    AND o."EnteredAtUtc" < min(s."ExitedAtUtc", $we)
                    AND o."ExitedAtUtc" > max(s."EnteredAtUtc", src.ws)
                WHERE ve."Type" IN ({GradeList}) AND o."PersonId" <> src.p
                  AND unixepoch(min(s."ExitedAtUtc", $we, o."ExitedAtUtc")) - unixepoch(max(s."EnteredAtUtc", src.ws, o."EnteredAtUtc"))
                      >= {ThresholdSeconds("ve.\"Type\"")}
                GROUP BY src.p, o."PersonId"
                """;
            ((SqliteCommand)cmd).Parameters.AddWithValue("$we", Text(endUtc));
        }
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
            result.Add(new Contact(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), Ticks(r, 3)));
        return result;
    }

    /// <summary>Every pair of persons together for the venue type's threshold at each of <paramref name="venues"/> within [from, to).</summary>
    public async Task<List<CoPresence>> PairsAsync(IReadOnlyList<long> venues, DateTime fromUtc, DateTime toUtc)
    {
        var result = new List<CoPresence>();
        await using var c = await store.ConnectAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandTimeout = 0;
        if (store.IsPostgres)
        {
            cmd.CommandText = $"""
                SELECT LEAST(a."PersonId", b."PersonId"), GREATEST(a."PersonId", b."PersonId"), a."VenueId",
                       GREATEST(b."EnteredAtUtc", @df), LEAST(a."ExitedAtUtc", b."ExitedAtUtc", @dt)
                FROM visits a
                JOIN venues ve ON ve."Id" = a."VenueId"
                JOIN visits b ON b."VenueId" = a."VenueId" AND b."EnteredAtUtc" >= a."EnteredAtUtc" AND b."EnteredAtUtc" < LEAST(a."ExitedAtUtc", @dt)
                WHERE a."VenueId" = ANY(@venues) AND a."EnteredAtUtc" >= @lo AND a."EnteredAtUtc" < @dt AND a."ExitedAtUtc" > @df
                  AND (b."EnteredAtUtc" > a."EnteredAtUtc" OR b."Id" > a."Id") AND b."PersonId" <> a."PersonId" AND b."ExitedAtUtc" > @df
                  AND LEAST(a."ExitedAtUtc", b."ExitedAtUtc", @dt) > GREATEST(b."EnteredAtUtc", @df)
                  AND LEAST(a."ExitedAtUtc", b."ExitedAtUtc", @dt) - GREATEST(b."EnteredAtUtc", @df) >= {ThresholdSeconds("ve.\"Type\"")} * interval '1 second'
                """;
            var n = (NpgsqlCommand)cmd;
            n.Parameters.AddWithValue("venues", venues.ToArray());
            n.Parameters.AddWithValue("df", fromUtc);
            n.Parameters.AddWithValue("dt", toUtc);
            n.Parameters.AddWithValue("lo", fromUtc - longest);
        }
        else
        {
            cmd.CommandText = $"""
                SELECT min(a."PersonId", b."PersonId"), max(a."PersonId", b."PersonId"), a."VenueId",
                       max(b."EnteredAtUtc", $df), min(a."ExitedAtUtc", b."ExitedAtUtc", $dt)
                FROM visits a
                JOIN venues ve ON ve."Id" = a."VenueId"
                JOIN visits b ON b."VenueId" = a."VenueId" AND b."EnteredAtUtc" >= a."EnteredAtUtc" AND b."EnteredAtUtc" < min(a."ExitedAtUtc", $dt)
                WHERE a."VenueId" IN ({string.Join(",", venues)}) AND a."EnteredAtUtc" >= $lo AND a."EnteredAtUtc" < $dt AND a."ExitedAtUtc" > $df
                  AND (b."EnteredAtUtc" > a."EnteredAtUtc" OR b."Id" > a."Id") AND b."PersonId" <> a."PersonId" AND b."ExitedAtUtc" > $df
                  AND min(a."ExitedAtUtc", b."ExitedAtUtc", $dt) > max(b."EnteredAtUtc", $df)
                  AND unixepoch(min(a."ExitedAtUtc", b."ExitedAtUtc", $dt)) - unixepoch(max(b."EnteredAtUtc", $df)) >= {ThresholdSeconds("ve.\"Type\"")}
                """;
            var s = (SqliteCommand)cmd;
            s.Parameters.AddWithValue("$df", Text(fromUtc));
            s.Parameters.AddWithValue("$dt", Text(toUtc));
            s.Parameters.AddWithValue("$lo", Text(fromUtc - longest));
        }
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
            result.Add(new CoPresence(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), Ticks(r, 3), Ticks(r, 4)));
        return result;
    }

    private static string Text(DateTime utc) => ContactStore.SqliteTime(utc.Ticks);

    /// <summary>A timestamp column: native on PostgreSQL, EF Core's text on SQLite.</summary>
    public static long Ticks(DbDataReader r, int i) => r is SqliteDataReader ? ParseTicks(r.GetString(i)) : r.GetFieldValue<DateTime>(i).Ticks;

    /// <summary>"yyyy-MM-dd HH:mm:ss[.fffffff]" to ticks without DateTime.Parse (hundreds of millions of them at full size).</summary>
    public static long ParseTicks(string s)
    {
        static int D(string s, int i, int n)
        {
            var v = 0;
            for (var k = 0; k < n; k++) v = v * 10 + (s[i + k] - '0');
            return v;
        }
        var ticks = new DateTime(D(s, 0, 4), D(s, 5, 2), D(s, 8, 2), D(s, 11, 2), D(s, 14, 2), D(s, 17, 2), DateTimeKind.Utc).Ticks;
        if (s.Length > 20)
        {
            var digits = s.Length - 20;
            var fraction = D(s, 20, digits);
            for (var k = digits; k < 7; k++) fraction *= 10;
            ticks += fraction;
        }
        return ticks;
    }
}
