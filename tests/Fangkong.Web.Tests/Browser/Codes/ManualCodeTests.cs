using Fangkong.Domain.Codes;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace Fangkong.Web.Tests.Browser.Codes;

/// <summary>A manual colour in the browser: the epidemiologist requests it, an administrator approves it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ManualCodeTests(BrowserFixture app)
{
    [Fact]
    public async Task An_epidemiologist_requests_a_colour_and_an_administrator_approves_it()
    {
        var epi = await app.SignInAsync("epi");
        await epi.GotoAsync($"/codes/manual?person={app.Scenario.Bob.Id}");
        await epi.SelectOptionAsync("[data-testid=manual-colour]", "Yellow");
        await epi.FillAsync("[data-testid=manual-reason]", "病例2026-118时空伴随");
        await epi.ClickAsync("[data-testid=manual-submit]");
        await Expect(epi.Locator("[data-testid=manual-message]")).ToContainTextAsync("等待审批");
        await Expect(epi.Locator("[data-testid=manual-pending]")).ToContainTextAsync("需另一名管理员审批");

        await using (var db = app.Store.NewDb())
            Assert.False(await db.HealthCodes.AnyAsync(h => h.PersonId == app.Scenario.Bob.Id && h.Colour == CodeColour.Yellow));
        long id;
        await using (var db = app.Store.NewDb())
            id = (await db.ManualCodeRequests.SingleAsync(r => r.PersonId == app.Scenario.Bob.Id && r.Reason == "病例2026-118时空伴随")).Id;

        var admin = await app.SignInAsync("admin");
        await admin.GotoAsync("/codes/manual");
        await admin.ClickAsync($"[data-testid=approve-{id}]");
        await Expect(admin.Locator("[data-testid=manual-message]")).ToContainTextAsync("已批准");
        await using (var db = app.Store.NewDb())
            Assert.Equal(CodeColour.Yellow, (await db.HealthCodes.SingleAsync(h => h.PersonId == app.Scenario.Bob.Id)).Colour);

        // The person's colour history explains the change in the reader's language; the reason stays as it was typed.
        await epi.GotoAsync($"/persons/{app.Scenario.Bob.Id}");
        await Expect(epi.Locator("[data-testid=colour-history]")).ToContainTextAsync("人工赋码：病例2026-118时空伴随（申请 epi，审批 admin）");
        await epi.ClickAsync("[data-testid=lang-en]");
        await Expect(epi.Locator("[data-testid=colour-history]")).ToContainTextAsync("Manual colour: 病例2026-118时空伴随 (requested by epi, approved by admin)");

        // Leave Bob as the other browser tests expect him: withdraw the colour.
        await using (var db = app.Store.NewDb())
        {
            var manual = new Fangkong.Core.Codes.ManualCodes(
                new Fangkong.Core.Codes.HealthCodeService(new CodePolicy(), new Fangkong.Core.Data.TimeOrderedIds(TimeProvider.System), TimeProvider.System),
                new Fangkong.Core.Data.TimeOrderedIds(TimeProvider.System, 7), TimeProvider.System);
            await manual.RevokeAsync(db, id, 1, default);
        }
    }
}
