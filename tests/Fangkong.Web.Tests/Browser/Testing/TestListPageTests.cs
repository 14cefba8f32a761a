using Fangkong.Core.Testing;
using Fangkong.Domain.Testing;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace Fangkong.Web.Tests.Browser.Testing;

/// <summary>An epidemiologist opens the testing line list from the rounds page, filters it by round and result, pages on and searches a person.</summary>
[Collection(CityBrowserCollection.Name)]
public sealed class TestListPageTests(CityBrowserFixture app)
{
    private const long Round = 610_000_000;

    [Fact]
    public async Task An_epidemiologist_filters_the_testing_list_by_round_and_result_pages_on_and_finds_a_person()
    {
        // A closed round of its own (samplers never see it), with six pools of ten: the first positive, the others negative.
        string document;
        await using (var db = app.Db())
        {
            var persons = await db.Persons.Where(p => p.Id != app.ResidentPersonId && p.Phone != null).OrderByDescending(p => p.Id).Take(60).ToListAsync();
            document = persons[3].DocumentNumber;
            var at = DateTime.UtcNow.AddHours(-12);
            db.TestingRounds.Add(new TestingRound
            {
                Id = Round,
                Name = "浏览器测试轮次",
                Scope = RoundScope.City,
                AreaIds = "",
                StartUtc = at,
                DeadlineUtc = at.AddDays(1),
                PoolSize = 10,
                WaveMinutes = 20,
                Status = RoundStatus.Closed,
                PlannedFinishUtc = at,
                CreatedAtUtc = at,
                ClosedAtUtc = at.AddHours(6),
            });
            db.SamplingSites.Add(new SamplingSite { Id = Round + 1, RoundId = Round, Name = "浏览器测试采样点", CommunityId = 1, Tables = 1, SwabsPerTablePerHour = 60 });
            for (var t = 0; t < 6; t++)
            {
                var tube = Round + 100 + t;
                db.Tubes.Add(new Tube
                {
                    Id = tube,
                    RoundId = Round,
                    Barcode = "B" + tube,
                    SiteId = Round + 1,
                    Kind = TubeKind.Pool,
                    Capacity = 10,
                    Count = 10,
                    OpenedByUserId = 1,
                    OpenedAtUtc = at,
                    FirstSampledAtUtc = at,
                    ClosedAtUtc = at,
                    ReceivedAtUtc = at.AddHours(3),
                    Outcome = t == 0 ? TubeOutcome.Positive : TubeOutcome.Negative,
                    ResultAtUtc = at.AddHours(8),
                    OpenKey = "browser-" + tube,
                });
                for (var i = 0; i < 10; i++)
                    db.Samples.Add(new Sample
                    {
                        Id = Round + 1000 + 10 * t + i,
                        RoundId = Round,
                        TubeId = tube,
                        PersonId = persons[10 * t + i].Id,
                        AtUtc = at.AddMinutes(10 * t + i),
                        SamplerUserId = 1,
                        IdempotencyKey = $"browser-{t}-{i}",
                    });
            }
            await db.SaveChangesAsync();
        }
        var page = await app.SignInAsync("epi");
        await page.GotoAsync("/testing");
        await page.Locator("[data-testid=test-list-link]").ClickAsync();
        await page.WaitForURLAsync("**/testing/results");

        // The round, then its positive pool: the pool's ten members.
        await page.Locator("[data-testid=filter-roundId]").SelectOptionAsync(Round.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("[data-testid=filter-result]").SelectOptionAsync("PoolPositive");
        await page.Locator("[data-testid=tests-submit]").ClickAsync();
        await page.WaitForURLAsync("**/testing/results?*result=PoolPositive*");
        await Expect(page.Locator("[data-testid=list-count]")).ToHaveTextAsync("共 10 条");
        await Expect(page.Locator("[data-testid=test-row]")).ToHaveCountAsync(10);
        await Expect(page.Locator("[data-testid=test-row][data-result=PoolPositive]")).ToHaveCountAsync(10);
        await Expect(page.Locator("[data-testid=test-row]").First).ToContainTextAsync("混管阳性");
        await Expect(page.Locator("[data-testid=test-row]").First).ToContainTextAsync("浏览器测试采样点");

        // The whole round: 50 on the first page, 10 on the next, the oldest swab last.
        await page.GotoAsync($"/testing/results?roundId={Round}");
        await Expect(page.Locator("[data-testid=list-count]")).ToHaveTextAsync("共 60 条");
        await Expect(page.Locator("[data-testid=test-row]")).ToHaveCountAsync(50);
        await page.Locator("[data-testid=next-page]").ClickAsync();
        await page.WaitForURLAsync("**after=*");
        await Expect(page.Locator("[data-testid=test-row]")).ToHaveCountAsync(10);
        await Expect(page.Locator("[data-testid=test-row]").Last).ToContainTextAsync("B" + (Round + 100));

        // One person by ID number, masked on the page.
        await page.GotoAsync($"/testing/results?roundId={Round}");
        await page.Locator("[data-testid=tests-q]").FillAsync(document);
        await page.Locator("[data-testid=tests-submit]").ClickAsync();
        await page.WaitForURLAsync("**q=*");
        await Expect(page.Locator("[data-testid=test-row]")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid=test-row]")).Not.ToContainTextAsync(document);
        await Expect(page.Locator("[data-testid=test-row]")).ToContainTextAsync("阳性");

        // A bad filter is explained on the page.
        await page.GotoAsync("/testing/results?from=2026-11-20&to=2026-11-01");
        await Expect(page.Locator("[data-testid=list-error]")).ToContainTextAsync("结束日期不能早于开始日期");
    }
}
