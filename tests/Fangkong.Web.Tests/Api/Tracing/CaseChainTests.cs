using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Fangkong.Core.Data;
using Fangkong.Core.Tracing;
using Fangkong.Domain.Tracing;
using Fangkong.Web.Tests.Api.Exports;

namespace Fangkong.Web.Tests.Api.Tracing;

public sealed class CaseChainTestsSqlite() : CaseChainTests(StorageProvider.Sqlite);
public sealed class CaseChainTestsPostgres() : CaseChainTests(StorageProvider.Postgres);

/// <summary>
/// The chain case by case: cases and the links between them (a contact became a case), contacts folded into counts,
/// clusters through shared contacts, filters by cluster and district — in the API and on the page, which unfolds one
/// case's contacts on demand.
/// </summary>
public abstract class CaseChainTests(StorageProvider provider)
{
    private static readonly DateTime At = new(2026, 11, 15, 2, 0, 0, DateTimeKind.Utc);
    private const int Cases = 12;

    [Fact]
    public async Task Cases_and_their_links_are_drawn_and_contacts_are_counts_until_unfolded()
    {
        await using var host = await CityHost.StartAsync(provider);
        var seeded = await ListSeed.CasesAndContactsAsync(host, Cases, At);
        const long became = 700_100_000;
        await using (var db = host.Db())
        {
            var taken = seeded.People.Select(p => p.Id).ToList();
            var others = db.Persons.Where(p => !taken.Contains(p.Id)).OrderBy(p => p.Id).Select(p => p.Id).Take(2).ToList();
            // Case 0's close contact became a case two days later: a link, and no longer a count of case 0.
            db.Cases.Add(new CaseRecord { Id = became, PersonId = seeded.People[Cases].Id, FoundBy = CaseFoundBy.ContactUnderQuarantine, FirstPositiveSampledAtUtc = At.AddDays(2), ReportedAtUtc = At.AddDays(2).AddHours(1), Class = CaseClass.Mild });
            // Case 3 shares case 2's close contact: one cluster. Case 1 dismissed someone: not counted. Case 4 has a confirmed secondary contact.
            db.ContactProposals.AddRange(
                Contact(719_100_001, seeded.CaseIds[3], seeded.People[Cases + 2].Id, ContactGrade.Close, ProposalStatus.Confirmed),
                Contact(719_100_002, seeded.CaseIds[1], others[0], ContactGrade.Close, ProposalStatus.Dismissed),
                Contact(719_100_003, seeded.CaseIds[4], others[1], ContactGrade.Secondary, ProposalStatus.Confirmed));
            await db.SaveChangesAsync();
        }
        var epi = await host.LoginAsync("epi");

        var chain = await (await epi.GetAsync("/api/cases/chain/cases")).JsonAsync();
        var cases = chain.GetProperty("cases").EnumerateArray().ToDictionary(c => c.GetProperty("caseId").GetInt64());
        Assert.Equal(Cases + 1, cases.Count);
        Assert.Equal([(seeded.CaseIds[0], became)], chain.GetProperty("links").EnumerateArray().Select(l => (l.GetProperty("fromCaseId").GetInt64(), l.GetProperty("toCaseId").GetInt64())));
        Assert.Equal(0, cases[seeded.CaseIds[0]].GetProperty("contacts").GetInt32());
        Assert.Equal((1, 0, 0), Counts(cases[seeded.CaseIds[1]]));
        Assert.Equal((1, 0, 0), Counts(cases[seeded.CaseIds[4]])); // secondary contacts only when asked for
        Assert.Equal(Cases + 1 - 2, chain.GetProperty("totalClusters").GetInt32());
        var byCluster = cases.Values.GroupBy(c => c.GetProperty("cluster").GetInt32()).ToDictionary(g => g.Key, g => g.Select(c => c.GetProperty("caseId").GetInt64()).Order().ToList());
        Assert.Contains(byCluster.Values, ids => ids.SequenceEqual(new[] { seeded.CaseIds[0], became }.Order()));
        Assert.Contains(byCluster.Values, ids => ids.SequenceEqual(new[] { seeded.CaseIds[2], seeded.CaseIds[3] }.Order()));
        Assert.Equal(2, chain.GetProperty("clusters")[0].GetProperty("cases").GetInt32());

        var wider = (await (await epi.GetAsync("/api/cases/chain/cases?secondary=true&proposed=true")).JsonAsync()).GetProperty("cases").EnumerateArray()
            .ToDictionary(c => c.GetProperty("caseId").GetInt64());
        Assert.Equal((1, 1, 1), Counts(wider[seeded.CaseIds[4]]));
        Assert.Equal(1, wider[seeded.CaseIds[1]].GetProperty("proposed").GetInt32());

        // One cluster; one district.
        var one = await (await epi.GetAsync("/api/cases/chain/cases?cluster=1")).JsonAsync();
        Assert.Equal(2, one.GetProperty("cases").GetArrayLength());
        Assert.Equal(1, Assert.Single(one.GetProperty("clusters").EnumerateArray()).GetProperty("id").GetInt32());
        string district;
        int inDistrict;
        await using (var db = host.Db())
        {
            district = db.Cases.Where(c => c.DistrictCode != null).Select(c => c.DistrictCode!).First();
            inDistrict = db.Cases.Count(c => c.DistrictCode == district);
        }
        var local = await (await epi.GetAsync($"/api/cases/chain/cases?district={district}")).JsonAsync();
        Assert.Equal(inDistrict, local.GetProperty("cases").GetArrayLength());
        Assert.All(local.GetProperty("cases").EnumerateArray(), c => Assert.Equal(district, c.GetProperty("districtCode").GetString()));

        foreach (var (query, field) in new[] { ("cluster=0", "cluster"), ("district=abc", "district"), ("from=2026-11-20&to=2026-11-10", "to") })
        {
            var bad = await epi.GetAsync("/api/cases/chain/cases?" + query);
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.True((await bad.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _), query);
        }

        // The page draws the cases only, a count beside each, and unfolds one case's contacts on demand.
        var html = await epi.GetStringAsync("/tracing/chain");
        Assert.Equal(Cases + 1, Regex.Count(html, "data-testid=\"chain-node\""));
        Assert.Equal(1, Regex.Count(html, "data-testid=\"chain-edge\""));
        Assert.Contains($"data-testid=\"chain-expand\" data-case=\"{seeded.CaseIds[1]}\" data-count=\"1\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"chain-contact\"", html, StringComparison.Ordinal);
        var unfolded = await epi.GetStringAsync($"/tracing/chain?secondary=true&proposed=true&expand={seeded.CaseIds[1]}");
        Assert.Equal(2, Regex.Count(unfolded, "data-testid=\"chain-contact\""));
    }

    private static (int Close, int Secondary, int Proposed) Counts(JsonElement c) =>
        (c.GetProperty("close").GetInt32(), c.GetProperty("secondary").GetInt32(), c.GetProperty("proposed").GetInt32());

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
        DecidedAtUtc = status == ProposalStatus.Proposed ? null : At.AddHours(4),
    };
}
