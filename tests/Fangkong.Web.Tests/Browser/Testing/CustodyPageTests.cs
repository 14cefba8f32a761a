using Fangkong.Core.Data;
using Fangkong.Core.Testing;
using Fangkong.Domain.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Fangkong.Web.Tests.Browser.Testing;

/// <summary>From the table to the resident's certificate through the pages: pack, hand over, receive, lab CSV, certificate, verify.</summary>
[Collection(CityBrowserCollection.Name)]
public sealed class CustodyPageTests(CityBrowserFixture app)
{
    /// <summary>The demo resident and household-mates of their site, swabbed into one closed tube through the real service.</summary>
    private async Task<(string Tube, long ResidentPerson)> SampleResidentAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FangkongDb>();
        var sampling = scope.ServiceProvider.GetRequiredService<SamplingService>();
        var sampler = await db.Users.Where(u => u.UserName == "sampler").Select(u => u.Id).FirstAsync();
        var person = await db.Users.Where(u => u.UserName == "resident").Select(u => u.PersonId!.Value).FirstAsync();
        var site = await (from x in db.RoundResidents
                          where x.RoundId == app.RoundId && x.PersonId == person
                          join sc in db.SiteCompounds on new { x.RoundId, x.CompoundId } equals new { sc.RoundId, sc.CompoundId }
                          select sc.SiteId).FirstAsync();
        var document = await db.Persons.Where(p => p.Id == person).Select(p => p.DocumentNumber).FirstAsync();
        var tube = Barcodes.Tube(Random.Shared.NextInt64(1, 9_999_999_999));
        await sampling.OpenTubeAsync(db, new OpenTubeRequest(app.RoundId, site, tube, TubeKind.OnePerson, null, Guid.NewGuid().ToString("N"), null), sampler, default);
        await sampling.AddSampleAsync(db, tube, new SampleRequest(document, Guid.NewGuid().ToString("N"), null), sampler, default);
        return (tube, person);
    }

    [Fact]
    public async Task A_tube_goes_through_pack_handover_lab_receipt_and_csv_to_a_certificate_anyone_can_verify()
    {
        var (tube, person) = await SampleResidentAsync();
        var box = Barcodes.Box(Random.Shared.NextInt64(1, 9_999_999_999));

        var sampler = await app.SignInAsync("sampler");
        await sampler.GotoAsync("/testing/pack");
        await sampler.FillAsync("[data-testid=pack-box]", box);
        await sampler.FillAsync("[data-testid=pack-tubes]", tube);
        await sampler.ClickAsync("[data-testid=pack-submit]");
        await Expect(sampler.Locator("[data-testid=pack-message]")).ToHaveTextAsync($"箱 {box} 已装 1 支试管");
        // The handover form is filled from the box just packed; the courier counts one tube.
        await sampler.FillAsync("[data-testid=handover-receiver]", "转运员王师傅");
        await sampler.ClickAsync("[data-testid=handover-submit]");
        await Expect(sampler.Locator("[data-testid=pack-message]")).ToContainTextAsync("相符");

        var lab = await app.SignInAsync("lab");
        Assert.EndsWith("/testing/lab", lab.Url, StringComparison.Ordinal);
        await lab.FillAsync("[data-testid=receipt-box]", box);
        await lab.FillAsync("[data-testid=receipt-tubes]", tube);
        await lab.ClickAsync("[data-testid=receipt-submit]");
        await Expect(lab.Locator("[data-testid=receipt-answer]")).ToContainTextAsync("1 / 1");

        // The lab's CSV: a header, our tube, and a bad line reported by number while the good one is kept.
        var csv = $"barcode,result\n{tube},阴性\nT123,阴性\n";
        await lab.Locator("[data-testid=import-file]").SetInputFilesAsync(new FilePayload { Name = "results.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv) });
        await lab.ClickAsync("[data-testid=import-submit]");
        await Expect(lab.Locator("[data-testid=import-summary]")).ToContainTextAsync("导入 1");
        await Expect(lab.Locator("[data-testid=import-rejected] tr")).ToHaveCountAsync(2);
        await Expect(lab.Locator("[data-testid=import-rejected]")).ToContainTextAsync("3");
        await using (var db = app.Db())
            Assert.Equal(PersonOutcome.Negative, (await db.RoundResidents.SingleAsync(x => x.RoundId == app.RoundId && x.PersonId == person)).Outcome);

        // The resident sees the negative result and a certificate with a QR and a PDF.
        var resident = await app.SignInAsync("resident");
        await resident.GotoAsync("/me/testing");
        await Expect(resident.Locator("[data-testid=slot]", new() { HasText = "第一轮全员核酸检测" })).ToContainTextAsync("已采样");
        await resident.Locator("[data-testid=certificates] a").First.ClickAsync();
        await Expect(resident.Locator("[data-testid=cert-result]")).ToHaveTextAsync("阴性");
        await Expect(resident.Locator("[data-testid=cert-qr]")).ToBeVisibleAsync();
        await resident.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDir, "resident-certificate.png"), FullPage = true });
        var pdf = await resident.APIRequest.GetAsync(await resident.Locator("[data-testid=cert-pdf]").GetAttributeAsync("href") ?? "");
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);

        // Anyone verifies the proof; a tampered one fails.
        string proof;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FangkongDb>();
            var sampleId = await db.Samples.Where(s => s.PersonId == person && s.RoundId == app.RoundId).Select(s => s.Id).FirstAsync();
            proof = (await scope.ServiceProvider.GetRequiredService<Certificates>().GetAsync(db, sampleId, default)).Proof;
        }
        var anonymous = await (await app.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl, Locale = "zh-CN" })).NewPageAsync();
        await anonymous.GotoAsync("/testing/verify?c=" + Uri.EscapeDataString(proof));
        await Expect(anonymous.Locator("[data-testid=verify-result]")).ToHaveTextAsync("真实有效"); // said once, not "真实有效 · 真实有效"
        await Expect(anonymous.Locator("[data-testid=cert-result]")).ToHaveTextAsync("阴性");
        var tampered = proof[..^3] + (proof[^3] == 'A' ? "B" : "A") + proof[^2..];
        await anonymous.GotoAsync("/testing/verify?c=" + Uri.EscapeDataString(tampered));
        await Expect(anonymous.Locator("[data-testid=verify-result]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^无效 · [^/]+$")); // and why, in Chinese only
        Assert.Equal(0, await anonymous.Locator("[data-testid=certificate]").CountAsync());
    }
}
