using System.Net.Http.Json;
using Fangkong.Core.Data;
using Fangkong.Core.Testing;
using Fangkong.Core.Tracing;
using Fangkong.Domain.Codes;
using Fangkong.Domain.Testing;
using Fangkong.Domain.Tracing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Web.Tests.Api.Tracing;

public sealed class ContactCodeTestsSqlite() : ContactCodeTests(StorageProvider.Sqlite);
public sealed class ContactCodeTestsPostgres() : ContactCodeTests(StorageProvider.Postgres);

/// <summary>A confirmed close contact turns red, explained; released only when edition 9's schedule is served and negative, then green.</summary>
public abstract class ContactCodeTests(StorageProvider provider)
{
    [Fact]
    public async Task A_confirmed_close_contact_is_red_until_served_with_every_scheduled_test_negative()
    {
        await using var host = await CityHost.StartAsync(provider);
        long caseId = 800_000_002, mate;
        await using (var db = host.Db())
        {
            var household = await db.Persons.Where(p => p.HouseholdId != null).GroupBy(p => p.HouseholdId).Where(g => g.Count() == 2).Select(g => g.Key).FirstAsync();
            var members = await db.Persons.Where(p => p.HouseholdId == household).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
            mate = members[1];
            db.Cases.Add(new CaseRecord
            {
                Id = caseId,
                PersonId = members[0],
                FoundBy = CaseFoundBy.FeverClinic,
                FirstPositiveSampledAtUtc = new DateTime(2026, 11, 19, 1, 0, 0, DateTimeKind.Utc),
                ReportedAtUtc = new DateTime(2026, 11, 19, 6, 0, 0, DateTimeKind.Utc),
                Class = CaseClass.Common,
                OnsetDate = new DateOnly(2026, 11, 18),
                Edition = PolicyEdition.Edition9
            });
            await db.SaveChangesAsync();
        }
        var epi = await host.LoginAsync("epi");
        await epi.PostAsync($"/api/cases/{caseId}/contacts/search", null);
        var proposal = (await (await epi.GetAsync($"/api/cases/{caseId}/contacts")).JsonAsync()).GetProperty("items")[0];
        var id = proposal.GetProperty("id").GetInt64();
        Assert.Equal(mate, proposal.GetProperty("personId").GetInt64());
        (await epi.PostAsJsonAsync($"/api/cases/{caseId}/contacts/decide", new { ids = new[] { id }, status = "Confirmed" })).EnsureSuccessStatusCode();
        await using (var db = host.Db())
        {
            Assert.Equal(CodeColour.Red, (await db.HealthCodes.SingleAsync(h => h.PersonId == mate)).Colour);
            var change = await db.HealthCodeChanges.Where(h => h.PersonId == mate).OrderBy(h => h.Id).LastAsync();
            Assert.Equal(CodeRules.ContactRule, change.Rule);
            Assert.Contains($"contact:{id}", change.Evidence);
        }

        // Edition 9 from 20 November (day 1): tests on 20, 21, 22, 24, 26 centralized and 29 at home; release from 30 November.
        var early = await (await epi.PostAsJsonAsync($"/api/cases/{caseId}/contacts/release", new { ids = new[] { id } })).JsonAsync();
        Assert.Equal(0, early.GetProperty("released").GetInt32());
        Assert.Contains("2026-11-30", early.GetProperty("refused")[0].GetProperty("reason").GetString());

        host.Time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 1, 0, 0, TimeSpan.Zero)); // 09:00 on 30 November in the city
        epi = await host.LoginAsync("epi"); // ten days on, the sign-in has expired
        int[] days = [20, 21, 22, 24, 26];
        await using (var db = host.Db())
        {
            var n = 700_000_000L;
            foreach (var d in days)
                db.TestResults.Add(new TestResult { Id = n++, PersonId = mate, SampledAtUtc = new DateTime(2026, 11, d, 2, 0, 0, DateTimeKind.Utc), ResultAtUtc = new DateTime(2026, 11, d, 8, 0, 0, DateTimeKind.Utc), Outcome = TestOutcome.Negative, Source = "test" });
            await db.SaveChangesAsync();
        }
        var missingOne = await (await epi.PostAsJsonAsync($"/api/cases/{caseId}/contacts/release", new { ids = new[] { id } })).JsonAsync();
        Assert.Contains("1", missingOne.GetProperty("refused")[0].GetProperty("reason").GetString()); // home day 3 not tested yet
        await using (var db = host.Db())
        {
            db.TestResults.Add(new TestResult { Id = 700_000_100, PersonId = mate, SampledAtUtc = new DateTime(2026, 11, 29, 2, 0, 0, DateTimeKind.Utc), ResultAtUtc = new DateTime(2026, 11, 29, 8, 0, 0, DateTimeKind.Utc), Outcome = TestOutcome.Negative, Source = "test" });
            await db.SaveChangesAsync();
        }
        var done = await (await epi.PostAsJsonAsync($"/api/cases/{caseId}/contacts/release", new { ids = new[] { id } })).JsonAsync();
        Assert.Equal(1, done.GetProperty("released").GetInt32());
        await using (var db = host.Db())
        {
            Assert.Equal(CodeColour.Green, (await db.HealthCodes.SingleAsync(h => h.PersonId == mate)).Colour);
            Assert.NotNull((await db.ContactProposals.SingleAsync(x => x.Id == id)).ReleasedAtUtc);
        }
        var again = await (await epi.PostAsJsonAsync($"/api/cases/{caseId}/contacts/release", new { ids = new[] { id } })).JsonAsync();
        Assert.Equal(0, again.GetProperty("released").GetInt32());
    }
}
