using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Fangkong.Core.Data;
using Fangkong.Core.Quarantine;
using Fangkong.Core.Tracing;
using Fangkong.Domain.Quarantine;
using Fangkong.Domain.Tracing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Web.Tests.Api.Exports;

public sealed class StayOutcomeListTestsSqlite() : StayOutcomeListTests(StorageProvider.Sqlite);
public sealed class StayOutcomeListTestsPostgres() : StayOutcomeListTests(StorageProvider.Postgres);

/// <summary>
/// The quarantine list says why a stay ended — became a case, released early, released on schedule — from the stay and
/// the person's cases (nothing stored says it), in the API, on the page and in an export.
/// </summary>
public abstract class StayOutcomeListTests(StorageProvider provider)
{
    private static readonly DateOnly Day1 = new(2026, 11, 16), ReleaseDate = new(2026, 11, 23);
    private static readonly DateTime Created = new(2026, 11, 16, 1, 0, 0, DateTimeKind.Utc);

    /// <summary>City midnight of a date, in UTC (cities keep UTC+8).</summary>
    private static DateTime CityUtc(DateOnly day, int hour, int minute = 0) => day.ToDateTime(new TimeOnly(hour, minute), DateTimeKind.Utc).AddHours(-8);

    [Fact]
    public async Task Each_stay_says_why_it_ended_in_the_api_the_page_and_the_export()
    {
        await using var host = await CityHost.StartAsync(provider);
        long[] people;
        await using (var db = host.Db())
            people = await db.Persons.AsNoTracking().OrderBy(p => p.Id).Select(p => p.Id).Take(20).ToArrayAsync();
        // (stay id, person, state, released at, the person's case reported at) — what the flows that end a stay leave behind.
        var stays = new (long Id, StayOutcome Expected, QuarantineState State, DateTime? Released, DateTime? CaseAt)[]
        {
            // Found positive in quarantine on day 5 and admitted that day: the stay ended because they became a case.
            (730_000_001, StayOutcome.BecameCase, QuarantineState.Released, CityUtc(Day1.AddDays(4), 15), CityUtc(Day1.AddDays(4), 8, 10)),
            // A secondary contact released on day 4 (their close contact's first two tests negative): before the release date.
            (730_000_002, StayOutcome.ReleasedEarly, QuarantineState.Released, CityUtc(Day1.AddDays(3), 11), null),
            // Released on the release date, time served.
            (730_000_003, StayOutcome.ReleasedOnSchedule, QuarantineState.Released, CityUtc(ReleaseDate, 10), null),
            // 00:10 city time on the release date is 16:10 UTC the day before: on schedule, by the city's calendar.
            (730_000_004, StayOutcome.ReleasedOnSchedule, QuarantineState.Released, CityUtc(ReleaseDate, 0, 10), null),
            // 23:30 the evening before is early.
            (730_000_005, StayOutcome.ReleasedEarly, QuarantineState.Released, CityUtc(ReleaseDate.AddDays(-1), 23, 30), null),
            // Became a case two days after release: the stay ended on schedule, the case is not why.
            (730_000_006, StayOutcome.ReleasedOnSchedule, QuarantineState.Released, CityUtc(ReleaseDate, 9), CityUtc(ReleaseDate.AddDays(2), 9)),
            // Reported a case today, still in the room: the list says so.
            (730_000_007, StayOutcome.CaseInQuarantine, QuarantineState.InQuarantine, null, CityUtc(Day1.AddDays(2), 9)),
            (730_000_008, StayOutcome.InQuarantine, QuarantineState.InQuarantine, null, null),
            // A case of the person long before this stay (recovered) says nothing about it.
            (730_000_009, StayOutcome.InQuarantine, QuarantineState.InQuarantine, null, Created.AddDays(-60)),
        };
        await using (var db = host.Db())
        {
            for (var i = 0; i < stays.Length; i++)
            {
                var s = stays[i];
                db.QuarantineStays.Add(new QuarantineStay
                {
                    Id = s.Id,
                    PersonId = people[i],
                    CaseId = 740_000_000,
                    Role = ContactRole.CloseContact,
                    Edition = PolicyEdition.Edition9,
                    Place = QuarantinePlace.Centralized,
                    Day1 = Day1,
                    ReleaseDate = ReleaseDate,
                    State = s.State,
                    CreatedAtUtc = Created,
                    ReleasedAtUtc = s.Released,
                });
                if (s.CaseAt is { } at)
                    db.Cases.Add(new CaseRecord { Id = 741_000_000 + i, PersonId = people[i], FoundBy = CaseFoundBy.ContactUnderQuarantine, FirstPositiveSampledAtUtc = at.AddHours(-6), ReportedAtUtc = at, Class = CaseClass.Mild });
            }
            await db.SaveChangesAsync();
        }
        var epi = await host.LoginAsync("epi");

        var items = (await (await epi.GetAsync("/api/lists/quarantine?size=100")).JsonAsync()).GetProperty("items").EnumerateArray()
            .ToDictionary(i => i.GetProperty("id").GetInt64());
        for (var i = 0; i < stays.Length; i++)
        {
            var row = items[stays[i].Id];
            Assert.True(stays[i].Expected.ToString() == row.GetProperty("outcome").GetString(), $"stay {stays[i].Id}: {row.GetProperty("outcome")}, expected {stays[i].Expected}");
            var became = row.GetProperty("becameCaseId");
            long? expectedCase = stays[i].Expected is StayOutcome.BecameCase or StayOutcome.CaseInQuarantine ? 741_000_000 + i : null;
            Assert.Equal(expectedCase, became.ValueKind == JsonValueKind.Null ? null : became.GetInt64());
        }

        // The page says it in the reader's language, with a link to the case.
        var html = WebUtility.HtmlDecode(await epi.GetStringAsync("/tracing/quarantined"));
        Assert.Matches("data-outcome=\"BecameCase\"><a href=\"/tracing/cases/741000000\">转为病例</a>", html);
        Assert.Contains("data-outcome=\"ReleasedEarly\">提前解除", html, StringComparison.Ordinal);
        Assert.Contains("data-outcome=\"ReleasedOnSchedule\">期满解除", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("data-outcome=\"[^\"]*\">(<a[^>]*>)?已解除", html);

        // And so does the export.
        var accepted = await epi.PostAsJsonAsync("/api/exports", new { list = "quarantine", format = "csv", filter = new { } });
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        await ExportJobPoll.WaitAsync(epi, accepted.Headers.Location!.ToString());
        var csv = Encoding.UTF8.GetString(await epi.GetByteArrayAsync(accepted.Headers.Location + "/file"));
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        // Fields of the stay's row, found by the stay's number (the export's first column), quotes or not (no field here holds a comma).
        Dictionary<long, string> numbers;
        await using (var db = host.Db()) numbers = await db.QuarantineStays.ToDictionaryAsync(s => s.Id, s => s.Number);
        string[] Row(long id) => lines.Select(l => l.Split(',').Select(f => f.Trim('"')).ToArray()).Single(f => f[0] == numbers[id]);
        Assert.Contains("转为病例", Row(730_000_001));
        Assert.Contains("提前解除", Row(730_000_002));
        Assert.Contains("期满解除", Row(730_000_003));
        Assert.DoesNotContain("已解除", csv, StringComparison.Ordinal);
    }
}
