using Fangkong.Core.Tracing;
using Fangkong.Domain.Tracing;
using Fangkong.Web.Tests.Browser.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fangkong.Web.Tests.Browser.Tracing;

/// <summary>
/// An outbreak's worth of cases — three clusters, many on the same days, each case with confirmed, dismissed and
/// proposed contacts, some of whom became the next cases — read as an epidemiologist reads it: the case list, the
/// chain (no label drawn over another, contacts unfolded on demand) and the contact list opening on what needs action.
/// Screenshots of each, in both languages, are kept as artifacts.
/// </summary>
[Collection(CityBrowserCollection.Name)]
public sealed class OutbreakPageTests(CityBrowserFixture app)
{
    private const long FirstCase = 500_000_000, FirstContact = 510_000_000;
    private static readonly int[] ClusterSizes = [24, 12, 4];
    private static bool _seeded;
    private static readonly SemaphoreSlim Seeding = new(1, 1);

    /// <summary>
    /// Cases reported over nine days, up to six a day in a cluster; each with eight contacts (five confirmed close, two
    /// dismissed, one proposed), the first of whom is the cluster's next case. Ids below the other tests' cases, so
    /// those stay on the lists' first pages.
    /// </summary>
    private async Task SeedAsync()
    {
        await Seeding.WaitAsync();
        try
        {
            if (_seeded) return;
            await using var db = app.Db();
            var people = await db.Persons.Where(p => p.Id != app.ResidentPersonId).OrderBy(p => p.Id).Select(p => p.Id).Skip(300).Take(500).ToListAsync();
            var start = DateTime.UtcNow.AddDays(-10);
            var next = 0;
            long caseId = FirstCase, contactId = FirstContact;
            foreach (var size in ClusterSizes)
            {
                var cluster = Enumerable.Range(0, size).Select(_ => people[next++]).ToList();
                for (var k = 0; k < size; k++)
                {
                    var id = caseId + k;
                    db.Cases.Add(new CaseRecord
                    {
                        Id = id,
                        PersonId = cluster[k],
                        FoundBy = k == 0 ? CaseFoundBy.FeverClinic : CaseFoundBy.ContactUnderQuarantine,
                        FirstPositiveSampledAtUtc = start.AddDays(k / 3).AddHours(2),
                        ReportedAtUtc = start.AddDays(k / 3).AddHours(6 + k % 3),
                        Class = k % 4 == 3 ? CaseClass.Asymptomatic : CaseClass.Common,
                        DistrictCode = "220402",
                    });
                    for (var c = 0; c < 8; c++)
                    {
                        var person = c == 0 && k + 1 < size ? cluster[k + 1] : people[next++];
                        var status = c is 6 or 7 ? ProposalStatus.Dismissed : c == 5 ? ProposalStatus.Proposed : ProposalStatus.Confirmed;
                        db.ContactProposals.Add(new ContactProposal
                        {
                            Id = contactId++,
                            CaseId = id,
                            PersonId = person,
                            Grade = ContactGrade.Close,
                            Kind = ContactKind.SharedVisit,
                            FirstExposureUtc = start.AddDays(k / 3).AddHours(-20),
                            Status = status,
                            ProposedAtUtc = start.AddDays(k / 3).AddHours(7),
                            DecidedAtUtc = status == ProposalStatus.Proposed ? null : start.AddDays(k / 3).AddHours(8),
                        });
                    }
                }
                caseId += 1000;
            }
            await db.SaveChangesAsync();
            _seeded = true;
        }
        finally
        {
            Seeding.Release();
        }
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task The_chain_draws_the_cases_without_overlapping_labels_and_unfolds_a_case_s_contacts(string culture)
    {
        await SeedAsync();
        var page = await app.SignInAsync("epi", culture);
        await page.SetViewportSizeAsync(1366, 900);
        await page.GotoAsync("/tracing/cases");
        await Expect(page.Locator("[data-testid=case-link]").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDir, $"case-list-{culture}.png"), FullPage = true });

        await page.GotoAsync("/tracing/chain");
        var graph = page.Locator("[data-testid=chain-graph]");
        await Expect(graph).ToBeVisibleAsync();
        foreach (var (size, i) in ClusterSizes.Select((s, i) => (s, i)))
            await Expect(graph.Locator($"[data-testid=chain-node][data-case='{FirstCase + i * 1000}']")).ToHaveCountAsync(1);
        // Contacts are counts, not dots: one dot per case, the links between cases drawn.
        Assert.Equal(await page.Locator("[data-testid=chain-case]").CountAsync(), await page.Locator("[data-testid=chain-node]").CountAsync());
        Assert.True(await page.Locator("[data-testid=chain-edge]").CountAsync() >= ClusterSizes.Sum() - ClusterSizes.Length);

        // No label or count is drawn over another, measured on the rendered text.
        var overlaps = await page.EvaluateAsync<string[]>("""
            () => {
              const boxes = [...document.querySelectorAll('svg.chain text.label, svg.chain text.count, svg.chain text.band-title')]
                .map(t => ({ t: t.textContent, r: t.getBoundingClientRect() }));
              const hit = [];
              for (let i = 0; i < boxes.length; i++)
                for (let j = i + 1; j < boxes.length; j++) {
                  const a = boxes[i].r, b = boxes[j].r;
                  if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) hit.push(boxes[i].t + ' / ' + boxes[j].t);
                }
              return hit;
            }
            """);
        Assert.Empty(overlaps);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDir, $"chain-{culture}.png"), FullPage = true });

        // One case unfolded: its confirmed contacts (the one who became a case marked so), the dismissed ones left out.
        var expand = page.Locator($"[data-testid=chain-expand][data-case='{FirstCase}']");
        await Expect(expand).ToHaveAttributeAsync("data-count", "4");
        await expand.ClickAsync();
        await Expect(page.Locator("[data-testid=chain-contact]")).ToHaveCountAsync(5);
        await Expect(page.Locator("[data-testid=chain-contacts] a[href='/tracing/cases/" + (FirstCase + 1) + "']")).ToHaveCountAsync(1);
        await page.EvaluateAsync("window.scrollTo(0, 0)"); // a full-page shot of a scrolled page draws the sticky header midway
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDir, $"chain-unfolded-{culture}.png"), FullPage = true });

        // One cluster, from its band's title.
        await page.Locator("[data-testid=chain-band]").Nth(1).ClickAsync();
        await Expect(page.Locator("[data-testid=chain-band]")).ToHaveCountAsync(1);
        Assert.True(await page.Locator("[data-testid=chain-node]").CountAsync() >= ClusterSizes[1]);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public async Task The_contact_list_opens_on_what_needs_action(string culture)
    {
        await SeedAsync();
        var page = await app.SignInAsync("epi", culture);
        await page.SetViewportSizeAsync(1366, 900);
        await page.GotoAsync("/tracing/contacts");
        await Expect(page.Locator("[data-testid=tab-Open]")).ToHaveClassAsync("on");
        var statuses = await page.Locator("[data-testid=contact-row] td:nth-child(7)").AllTextContentsAsync();
        Assert.NotEmpty(statuses);
        var dismissed = culture == "en" ? "dismissed" : "已排除";
        Assert.DoesNotContain(dismissed, statuses);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDir, $"contacts-{culture}.png"), FullPage = true });

        // Dismissed ones when asked for.
        await page.Locator("[data-testid=tab-Dismissed]").ClickAsync();
        await Expect(page.Locator("[data-testid=contact-row]").First).ToContainTextAsync(dismissed);
        Assert.All(await page.Locator("[data-testid=contact-row] td:nth-child(7)").AllTextContentsAsync(), s => Assert.Equal(dismissed, s));
        await page.Context.CloseAsync();
    }
}
