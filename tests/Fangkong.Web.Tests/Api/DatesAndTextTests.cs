using System.Net;
using System.Net.Http.Json;
using System.Text;
using Fangkong.Core.Data;
using Fangkong.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Web.Tests.Api;

public sealed class DatesAndTextTestsSqlite() : DatesAndTextTests(StorageProvider.Sqlite);
public sealed class DatesAndTextTestsPostgres() : DatesAndTextTests(StorageProvider.Postgres);

/// <summary>
/// The requests that answered 500: year-1 dates (city-time arithmetic overflowed), a 10 MB sign-in form, and text with
/// NUL (which PostgreSQL cannot store). Each is a 4xx naming what is wrong, on both stores, with nothing written.
/// </summary>
public abstract class DatesAndTextTests(StorageProvider provider)
{
    [Fact]
    public async Task Year_one_dates_are_refused_naming_the_field()
    {
        await using var host = await ApiHost.StartAsync(provider);
        var gate = await host.LoginAsync("gate");
        var admin = await host.LoginAsync("admin");
        var epi = await host.LoginAsync("epi");

        await AssertFieldAsync(await gate.PostAsJsonAsync("/api/gate/check-in",
            new { idempotencyKey = "abcdefgh42", idNumber = host.Scenario.Alice.DocumentNumber, temperature = 36.5, deviceTime = "0001-01-01T00:00:00" }), "deviceTime");
        await AssertFieldAsync(await admin.PostAsJsonAsync("/api/tests",
            new { personId = host.Scenario.Alice.Id, sampledAt = "0001-01-01T00:00:00", outcome = "Negative" }), "sampledAt");
        await AssertFieldAsync(await epi.PostAsJsonAsync("/api/cases",
            new { personId = host.Scenario.Alice.Id, @class = "Mild", foundBy = "FeverClinic", firstPositiveSampledAtUtc = "0001-01-01T00:00:00" }), "firstPositiveSampledAtUtc");
        await AssertFieldAsync(await epi.GetAsync($"/api/tracing/venues/{Scenario.HallId}/log?from=0001-01-01T00:00:00&to=2026-11-20T00:00:00&purpose=case-1"), "from");
        await AssertFieldAsync(await epi.GetAsync($"/api/tracing/venues/{Scenario.HallId}/log?from=2026-11-19T00:00:00&to=9999-12-31T23:59:59&purpose=case-1"), "to");
        await AssertFieldAsync(await epi.GetAsync("/api/lists/cases?from=0001-01-01"), "from");
        await AssertFieldAsync(await admin.PostAsJsonAsync("/api/persons", new
        {
            documentType = "Passport",
            documentNumber = "E12345678",
            name = "Test",
            birthDate = "0001-01-01",
        }), "birthDate");
        // The pages' date fields too: a list page shows what is wrong with its filter above the (empty) list.
        var page = await epi.GetAsync("/tracing/cases?from=0001-01-01");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("1900", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await using var db = host.Db();
        Assert.Equal(0, await db.GateEvents.CountAsync());
        Assert.Equal(0, await db.TestResults.CountAsync());
        Assert.Equal(0, await db.Cases.CountAsync());
        Assert.Equal(3, await db.Persons.CountAsync());
        Assert.Equal(0, await db.TraceAccesses.CountAsync());
    }

    // As a JSON escape (a client's serializer would quietly replace a half surrogate) and as a URL-encoded query value.
    [Theory]
    [InlineData("\\u0000", "%00")]
    [InlineData("\\u0007", "%07")]
    [InlineData("\\u009b", "%C2%9B")]
    [InlineData("\\ud800", null)]
    public async Task Control_characters_in_text_are_refused_naming_the_field(string escaped, string? encoded)
    {
        await using var host = await ApiHost.StartAsync(provider);
        var admin = await host.LoginAsync("admin");
        var gate = await host.LoginAsync("gate");
        var idNumber = ResidentIdNumber.Compose("220402", new DateOnly(1980, 1, 1), 777);
        var name = $"张{escaped}三";

        await AssertFieldAsync(await admin.PostAsync("/api/persons", Json($$"""{"documentType":"ResidentIdCard","documentNumber":"{{idNumber}}","name":"{{name}}"}""")), "name");
        await AssertFieldAsync(await gate.PostAsync("/api/gate/check-in", Json($$"""{"idempotencyKey":"abcdefgh43","idNumber":"{{idNumber}}","temperature":36.5,"name":"{{name}}"}""")), "name");
        await AssertFieldAsync(await admin.PostAsync("/api/quarantine/sites",
            Json($$"""{"name":"隔离点","districtCode":"220402","rooms":[{"number":"{{name}}","beds":2}]}""")), "rooms[0].number");
        await AssertFieldAsync(await admin.PostAsync("/api/exports", Json($$$"""{"list":"cases","filter":{"q":"{{{name}}}"}}""")), "filter.q");
        if (encoded is not null)
        {
            await AssertFieldAsync(await admin.GetAsync($"/api/persons?q=张{encoded}三"), "q");
            var page = await admin.GetAsync($"/search?q=张{encoded}三");
            Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        }

        await using var db = host.Db();
        Assert.Equal(3, await db.Persons.CountAsync());
        Assert.Equal(0, await db.GateEvents.CountAsync());
        Assert.Equal(0, await db.QuarantineSites.CountAsync());
        Assert.Equal(0, await db.ExportJobs.CountAsync());
    }

    [Fact]
    public async Task Line_breaks_and_rare_characters_are_text()
    {
        await using var host = await ApiHost.StartAsync(provider);
        var epi = await host.LoginAsync("epi");
        var draft = await epi.PostAsJsonAsync("/api/bulletins", new { day = "2026-11-19", level = "City", area = "220400" });
        Assert.Equal(HttpStatusCode.Created, draft.StatusCode);
        var id = (await draft.JsonAsync()).GetProperty("id").GetInt64();
        var edited = await epi.PatchAsJsonAsync($"/api/bulletins/{id}", new { textZh = "第一段。\r\n\t第二段：𠀀𪚥。" });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
    }

    [Fact]
    public async Task A_ten_megabyte_sign_in_form_is_refused_as_too_large()
    {
        await using var host = await ApiHost.StartAsync(provider, kestrel: true);
        var client = host.Anonymous();
        // Declared as 10 MB: refused before it is read (the client waits for the go-ahead, so it sends none of it).
        using var declared = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent([new("userName", "admin"), new("password", new string('x', 10 * 1024 * 1024))]),
        };
        declared.Headers.ExpectContinue = true;
        var big = await client.SendAsync(declared);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, big.StatusCode);
        Assert.Contains("413", await big.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Sent in chunks with no declared length: refused once it passes the form limit.
        var chunked = new StreamContent(new MemoryStream(Encoding.ASCII.GetBytes("userName=admin&password=" + new string('x', 300 * 1024))));
        chunked.Headers.ContentType = new("application/x-www-form-urlencoded");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/login") { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.ExpectContinue = true;
        var r = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, r.StatusCode);
    }

    [Fact]
    public async Task A_wrong_content_type_is_415_and_a_wrong_method_405_not_a_missing_endpoint()
    {
        await using var host = await ApiHost.StartAsync(provider);
        var gate = await host.LoginAsync("gate");
        var body = $$"""{"idempotencyKey":"abcdefgh44","idNumber":"{{host.Scenario.Alice.DocumentNumber}}","temperature":36.5}""";
        foreach (var type in new[] { "text/plain", "application/x-www-form-urlencoded", "application/xml" })
        {
            var r = await gate.PostAsync("/api/gate/check-in", new StringContent(body, Encoding.UTF8, type));
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, r.StatusCode);
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        }
        var get = await gate.GetAsync("/api/gate/check-in");
        Assert.True(get.StatusCode == HttpStatusCode.MethodNotAllowed, $"{get.StatusCode}: {await get.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", get.Content.Headers.ContentType?.MediaType);
        var missing = await gate.GetAsync("/api/gate/nothing");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        await using var db = host.Db();
        Assert.Equal(0, await db.GateEvents.CountAsync());
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task AssertFieldAsync(HttpResponseMessage r, string field)
    {
        var text = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == HttpStatusCode.BadRequest, $"{(int)r.StatusCode}: {text}");
        // The guard names the field as written ("name"); the JSON reader, for what it cannot read at all, by its path ("$.name").
        Assert.Contains((await r.JsonAsync()).ProblemFields(), f => f == field || f == "$." + field);
    }
}
