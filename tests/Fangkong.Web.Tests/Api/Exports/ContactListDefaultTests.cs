using System.Net;
using Fangkong.Core.Data;
using Fangkong.Domain.Tracing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Web.Tests.Api.Exports;

public sealed class ContactListDefaultTestsSqlite() : ContactListDefaultTests(StorageProvider.Sqlite);
public sealed class ContactListDefaultTestsPostgres() : ContactListDefaultTests(StorageProvider.Postgres);

/// <summary>
/// The contact list opens on what needs action — proposals awaiting a decision and confirmed contacts still under
/// management — in the API, the page and an export; dismissed and released ones only when asked for.
/// </summary>
public abstract class ContactListDefaultTests(StorageProvider provider)
{
    private static readonly DateTime At = new(2026, 11, 15, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Dismissed_and_released_contacts_are_listed_only_when_asked_for()
    {
        await using var host = await CityHost.StartAsync(provider);
        var seeded = await ListSeed.CasesAndContactsAsync(host, cases: 40, At);
        await using (var db = host.Db())
        {
            // An outbreak's list: most proposals dismissed, some contacts released.
            var contacts = await db.ContactProposals.OrderBy(c => c.Id).ToListAsync();
            foreach (var (c, i) in contacts.Select((c, i) => (c, i)))
            {
                if (c.Status == ProposalStatus.Proposed && i % 4 != 1) { c.Status = ProposalStatus.Dismissed; c.DecidedAtUtc = At.AddHours(5); }
                else if (c.Status == ProposalStatus.Confirmed && i % 3 == 0) c.ReleasedAtUtc = At.AddDays(7);
            }
            await db.SaveChangesAsync();
        }
        int proposed, managed, dismissed, released, all;
        await using (var db = host.Db())
        {
            proposed = await db.ContactProposals.CountAsync(c => c.Status == ProposalStatus.Proposed);
            managed = await db.ContactProposals.CountAsync(c => c.Status == ProposalStatus.Confirmed && c.ReleasedAtUtc == null);
            dismissed = await db.ContactProposals.CountAsync(c => c.Status == ProposalStatus.Dismissed);
            released = await db.ContactProposals.CountAsync(c => c.ReleasedAtUtc != null);
            all = await db.ContactProposals.CountAsync();
        }
        Assert.True(proposed > 0 && managed > 0 && dismissed > 0 && released > 0);
        var epi = await host.LoginAsync("epi");

        Assert.Equal(proposed + managed, await CountAsync(epi, ""));
        Assert.Equal(proposed + managed, await CountAsync(epi, "scope=Open"));
        Assert.Equal(all, await CountAsync(epi, "scope=All"));
        Assert.Equal(dismissed, await CountAsync(epi, "status=Dismissed"));
        Assert.Equal(released, await CountAsync(epi, "released=true"));
        Assert.Equal(proposed, await CountAsync(epi, "status=Proposed"));
        var items = (await (await epi.GetAsync("/api/lists/contacts?size=500")).JsonAsync()).GetProperty("items").EnumerateArray().ToList();
        Assert.All(items, i => Assert.True(i.GetProperty("status").GetString() == "Proposed"
            || (i.GetProperty("status").GetString() == "Confirmed" && i.GetProperty("releasedAtUtc").ValueKind == System.Text.Json.JsonValueKind.Null)));
        var bad = await epi.GetAsync("/api/lists/contacts?scope=Everything");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        // The page opens on the same rows, with the proposals awaiting a decision counted on their tab.
        var html = WebUtility.HtmlDecode(await epi.GetStringAsync("/tracing/contacts"));
        Assert.Matches($"data-testid=\"list-count\"[^>]*>[^<]*\\b{proposed + managed}\\b", html);
        Assert.Matches($"data-testid=\"tab-Proposed\">[^<]*<span class=\"tab-count\">{proposed}</span>", html);
        Assert.Matches("class=\"on\" href=\"/tracing/contacts\" data-testid=\"tab-Open\"", html);
        var everything = WebUtility.HtmlDecode(await epi.GetStringAsync("/tracing/contacts?scope=All"));
        Assert.Matches($"data-testid=\"list-count\"[^>]*>[^<]*\\b{all}\\b", everything);
    }

    private static async Task<long> CountAsync(HttpClient client, string query) =>
        (await (await client.GetAsync("/api/lists/contacts?size=1&" + query)).JsonAsync()).GetProperty("count").GetInt64();
}
