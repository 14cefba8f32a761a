using System.Net;
using Fangkong.Core.Data;

namespace Fangkong.Web.Tests.Api;

/// <summary>The API is documented: every route in the OpenAPI document, errors as ProblemDetails, an interactive reference page.</summary>
public sealed class OpenApiTests
{
    [Fact]
    public async Task The_openapi_document_describes_the_routes_and_their_problem_answers()
    {
        await using var host = await ApiHost.StartAsync(StorageProvider.Sqlite);
        var client = host.Anonymous();
        var doc = await (await client.GetAsync("/openapi/v1.json")).JsonAsync();
        var paths = doc.GetProperty("paths");
        foreach (var route in new[] { "/api/gate/check-in", "/api/gate/check-out", "/api/codes/me", "/api/codes/public-keys", "/api/tracing/persons/{id}/trajectory", "/api/venues/{id}/occupancy", "/api/persons" })
            Assert.True(paths.TryGetProperty(route, out _), route);
        var checkIn = paths.GetProperty("/api/gate/check-in").GetProperty("post");
        Assert.True(checkIn.GetProperty("responses").TryGetProperty("400", out var bad));
        Assert.Contains("problem+json", bad.GetRawText());

        var page = await client.GetAsync("/api/docs/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Fangkong API", await page.Content.ReadAsStringAsync());
    }
}
