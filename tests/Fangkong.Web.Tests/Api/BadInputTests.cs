using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Web.Tests.Api;

public sealed class BadInputTestsSqlite(SharedApiHost.Sqlite shared) : BadInputTests(shared), IClassFixture<SharedApiHost.Sqlite>;
public sealed class BadInputTestsPostgres(SharedApiHost.Postgres shared) : BadInputTests(shared), IClassFixture<SharedApiHost.Postgres>;

/// <summary>Bad input gets a 4xx ProblemDetails naming the field, and nothing is written.</summary>
public abstract class BadInputTests(SharedApiHost shared)
{
    public static TheoryData<string, string> BadGateBodies => new()
    {
        { """{"idempotencyKey":"abcdefgh01","idNumber":"11010519491231002Y","temperature":36.5}""", "idNumber" },
        { """{"idempotencyKey":"abcdefgh02","idNumber":"110105194902300021","temperature":36.5}""", "idNumber" },
        { """{"idempotencyKey":"abcdefgh03","idNumber":"11010519491231002X","temperature":99}""", "temperature" },
        { """{"idempotencyKey":"abcdefgh04","idNumber":"11010519491231002X"}""", "temperature" },
        { """{"idempotencyKey":"short","idNumber":"11010519491231002X","temperature":36.5}""", "idempotencyKey" },
        { """{"idNumber":"11010519491231002X","temperature":36.5}""", "idempotencyKey" },
        { """{"idempotencyKey":"abcdefgh05","temperature":36.5}""", "idNumber" },
        { """{"idempotencyKey":"abcdefgh06","idNumber":"11010519491231002X","temperature":"hot"}""", "$.temperature" },
        { """{"idempotencyKey":"abcdefgh07","idNumber":"11010519491231002X","temperature":36.5,"documentType":"Library card"}""", "$.documentType" },
        { """{"idempotencyKey":"abcdefgh08","idNumber":"11010519491231002X","temp""", "$" },
        { """not json at all""", "$" },
    };

    [Theory]
    [MemberData(nameof(BadGateBodies))]
    public async Task Bad_gate_requests_are_refused_naming_the_field(string body, string field)
    {
        var host = shared.Host;
        var gate = await host.LoginAsync("gate");
        var r = await gate.PostAsync("/api/gate/check-in", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        var fields = (await r.JsonAsync()).ProblemFields();
        Assert.Contains(fields, f => f.StartsWith(field, StringComparison.Ordinal));
        await using var db = host.Db();
        Assert.Equal(0, await db.GateEvents.CountAsync());
        Assert.Equal(3, await db.Persons.CountAsync());
    }

    [Fact]
    public async Task An_oversized_body_is_refused_with_413()
    {
        var host = shared.Host;
        var gate = await host.LoginAsync("gate");
        var huge = $$"""{"idempotencyKey":"abcdefgh09","idNumber":"11010519491231002X","temperature":36.5,"name":"{{new string('x', 40_000)}}"}""";
        var r = await gate.PostAsync("/api/gate/check-in", new StringContent(huge, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, r.StatusCode);
        await using var db = host.Db();
        Assert.Equal(0, await db.GateEvents.CountAsync());
    }

    [Fact]
    public async Task Unknown_records_and_routes_are_404_problems()
    {
        var host = shared.Host;
        var epi = await host.LoginAsync("epi");
        var venue = await epi.GetAsync("/api/venues/999/occupancy");
        Assert.Equal(HttpStatusCode.NotFound, venue.StatusCode);
        Assert.Equal(["venueId"], (await venue.JsonAsync()).ProblemFields());
        var person = await epi.GetAsync("/api/tracing/persons/999/trajectory?from=2026-11-19T00:00:00Z&to=2026-11-20T00:00:00Z&purpose=case-1");
        Assert.Equal(HttpStatusCode.NotFound, person.StatusCode);
        var route = await epi.GetAsync("/api/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, route.StatusCode);
        Assert.Equal("application/problem+json", route.Content.Headers.ContentType?.MediaType);
        var window = await epi.GetAsync($"/api/tracing/persons/{host.Scenario.Alice.Id}/trajectory?from=2026-11-20T00:00:00Z&to=2026-11-19T00:00:00Z&purpose=case-1");
        Assert.Equal(["to"], (await window.JsonAsync()).ProblemFields());
        var test = await (await host.LoginAsync("admin")).PostAsJsonAsync("/api/tests", new { personId = 999, sampledAt = "2026-11-19T00:00:00Z", outcome = "Negative" });
        Assert.Equal(HttpStatusCode.NotFound, test.StatusCode);
    }
    [Theory]
    [InlineData("/search?page=abc", "page")]
    [InlineData("/testing?page=1e9999", "page")]
    [InlineData("/testing/door?round=x", "round")]
    [InlineData("/codes/manual?person=--1", "person")]
    public async Task A_page_given_a_malformed_number_answers_400_naming_it_not_500(string url, string parameter)
    {
        var host = shared.Host;
        var admin = await host.LoginAsync("admin");
        var r = await admin.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Contains(parameter, await r.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(url.Split('?')[0])).StatusCode);
    }
}
