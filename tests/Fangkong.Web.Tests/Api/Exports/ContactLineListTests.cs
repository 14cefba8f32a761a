using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Fangkong.Core.Data;
using Fangkong.Core.Tracing;
using Fangkong.Domain.Tracing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Web.Tests.Api.Exports;

public sealed class ContactLineListTestsSqlite() : ContactLineListTests(StorageProvider.Sqlite);
public sealed class ContactLineListTestsPostgres() : ContactLineListTests(StorageProvider.Postgres);

/// <summary>
/// The contact list one row per person and grade (onePerPerson): a person confirmed close to several cases is listed once,
/// so the list counts persons as the bulletin does — in the API, its pages, the page and an export.
/// </summary>
public abstract class ContactLineListTests(StorageProvider provider)
{
    private static readonly DateTime At = new(2026, 11, 15, 2, 0, 0, DateTimeKind.Utc);
    private const int Cases = 60;

    [Fact]
    public async Task One_per_person_lists_a_contact_of_several_cases_once_and_counts_distinct_persons()
    {
        await using var host = await CityHost.StartAsync(provider);
        var seeded = await ListSeed.CasesAndContactsAsync(host, Cases, At);
        // The close contact of case 0 is confirmed close to cases 1 and 2 too; the close contact of case 3 is also a
        // confirmed secondary contact of case 4 (once in each grade); one more designation of case 5's is still proposed.
        var many = seeded.People[Cases].Id;
        var both = seeded.People[Cases + 3].Id;
        await using (var db = host.Db())
        {
            db.ContactProposals.AddRange(
                Contact(719_000_001, seeded.CaseIds[1], many, ContactGrade.Close, ProposalStatus.Confirmed),
                Contact(719_000_002, seeded.CaseIds[2], many, ContactGrade.Close, ProposalStatus.Confirmed),
                Contact(719_000_003, seeded.CaseIds[4], both, ContactGrade.Secondary, ProposalStatus.Confirmed),
                Contact(719_000_004, seeded.CaseIds[6], seeded.People[Cases + 5].Id, ContactGrade.Close, ProposalStatus.Proposed));
            await db.SaveChangesAsync();
        }
        var epi = await host.LoginAsync("epi");

        int designations, persons, pairs;
        await using (var db = host.Db())
        {
            var confirmedClose = db.ContactProposals.Where(c => c.Grade == ContactGrade.Close && c.Status == ProposalStatus.Confirmed);
            designations = await confirmedClose.CountAsync();
            persons = await confirmedClose.Select(c => c.PersonId).Distinct().CountAsync();
            pairs = await db.ContactProposals.Where(c => c.Status == ProposalStatus.Confirmed).Select(c => new { c.PersonId, c.Grade }).Distinct().CountAsync();
        }
        Assert.Equal((Cases + 2, Cases), (designations, persons));

        Assert.Equal(designations, await CountAsync(epi, "grade=Close&status=Confirmed"));
        Assert.Equal(persons, await CountAsync(epi, "grade=Close&status=Confirmed&onePerPerson=true"));
        Assert.Equal(designations, await CountAsync(epi, "grade=Close&status=Confirmed&onePerPerson=false"));
        // Without a grade: one row per person and grade, so the close-and-secondary person is listed twice.
        Assert.Equal(pairs, await CountAsync(epi, "status=Confirmed&onePerPerson=true"));

        // The person of three designations is one row, the lowest of the three; the other person once in each grade.
        var rows = await ItemsAsync(epi, "status=Confirmed&onePerPerson=true&size=500");
        var mine = rows.Where(r => r.GetProperty("personId").GetInt64() == many).ToList();
        Assert.Equal(seeded.CaseIds[0], Assert.Single(mine).GetProperty("caseId").GetInt64());
        Assert.Equal(["Close", "Secondary"], rows.Where(r => r.GetProperty("personId").GetInt64() == both).Select(r => r.GetProperty("grade").GetString()).Order());
        // Another filter applies first: among case 2's contacts the person is there, since no lower row of case 2 is theirs.
        var ofCase2 = await ItemsAsync(epi, $"caseId={seeded.CaseIds[2]}&onePerPerson=true");
        Assert.Contains(ofCase2, r => r.GetProperty("personId").GetInt64() == many);

        // Keyset pages of the one-per-person list walk it exactly once.
        var seen = new List<long>();
        string? after = null;
        do
        {
            var page = await (await epi.GetAsync($"/api/lists/contacts?grade=Close&status=Confirmed&onePerPerson=true&size=25{(after is null ? "" : "&after=" + after)}")).JsonAsync();
            Assert.Equal(persons, page.GetProperty("count").GetInt64());
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));
            after = page.GetProperty("next").ValueKind == JsonValueKind.Null ? null : page.GetProperty("next").GetInt64().ToString(CultureInfo.InvariantCulture);
        } while (after is not null);
        Assert.Equal(persons, seen.Distinct().Count());
        Assert.Equal(seen.OrderDescending(), seen);

        // The page takes it from the query string and shows it as an active filter.
        var html = await epi.GetStringAsync("/tracing/contacts?grade=Close&status=Confirmed&onePerPerson=true");
        var shown = Regex.Match(html, "data-testid=\"extra-filters\"[^>]*>([^<]*)<");
        Assert.True(shown.Success, "no active filters shown");
        Assert.Contains("onePerPerson=true", shown.Groups[1].Value, StringComparison.Ordinal);
        var count = Regex.Match(html, "data-testid=\"list-count\"[^>]*>([^<]*)<"); // 共 60 条, the Chinese characters as entities
        Assert.Contains($" {persons} ", count.Groups[1].Value, StringComparison.Ordinal);

        // An export with the filter writes one row per person.
        var accepted = await epi.PostAsJsonAsync("/api/exports", new { list = "contacts", format = "csv", filter = new { grade = "Close", status = "Confirmed", onePerPerson = true } });
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal(persons, (await ExportJobPoll.WaitAsync(epi, accepted.Headers.Location!.ToString())).GetProperty("total").GetInt32());
        var csv = Encoding.UTF8.GetString(await epi.GetByteArrayAsync(accepted.Headers.Location + "/file"));
        Assert.Equal(persons + 1, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);

        // Not a boolean: a 400 ProblemDetails that names the field.
        var bad = await epi.GetAsync("/api/lists/contacts?onePerPerson=maybe");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("onePerPerson", out _));
        var badPage = await epi.GetStringAsync("/tracing/contacts?onePerPerson=maybe");
        Assert.Contains("data-testid=\"list-error\"", badPage, StringComparison.Ordinal);
    }

    private static ContactProposal Contact(long id, long caseId, long person, ContactGrade grade, ProposalStatus status) => new()
    {
        Id = id,
        CaseId = caseId,
        PersonId = person,
        Grade = grade,
        Kind = ContactKind.Household,
        FirstExposureUtc = At.AddHours(-30),
        Status = status,
        ProposedAtUtc = At.AddHours(3),
        DecidedAtUtc = status == ProposalStatus.Confirmed ? At.AddHours(4) : null,
    };

    private static async Task<long> CountAsync(HttpClient client, string query) =>
        (await (await client.GetAsync("/api/lists/contacts?size=1&" + query)).JsonAsync()).GetProperty("count").GetInt64();

    private static async Task<List<JsonElement>> ItemsAsync(HttpClient client, string query) =>
        (await (await client.GetAsync("/api/lists/contacts?" + query)).JsonAsync()).GetProperty("items").EnumerateArray().ToList();
}
