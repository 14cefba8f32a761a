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

    [Fact]
    public async Task Every_testing_quarantine_and_command_operation_documents_its_success_body()
    {
        await using var host = await ApiHost.StartAsync(StorageProvider.Sqlite);
        var doc = await (await host.Anonymous().GetAsync("/openapi/v1.json")).JsonAsync();
        var undocumented = new List<string>();
        var seen = 0;
        foreach (var path in doc.GetProperty("paths").EnumerateObject())
        {
            if (!new[] { "/api/testing/", "/api/quarantine/", "/api/bulletins", "/api/dashboard" }.Any(p => path.Name.StartsWith(p, StringComparison.Ordinal))) continue;
            foreach (var operation in path.Value.EnumerateObject())
            {
                if (!operation.Value.TryGetProperty("responses", out var responses)) continue;
                seen++;
                var documented = responses.EnumerateObject().Any(r => r.Name.StartsWith('2')
                    && r.Value.TryGetProperty("content", out var content) && content.EnumerateObject().Any());
                if (!documented) undocumented.Add($"{operation.Name.ToUpperInvariant()} {path.Name}");
            }
        }
        Assert.True(seen > 40, $"only {seen} operations found");
        Assert.True(undocumented.Count == 0, "no success body: " + string.Join(", ", undocumented));
    }
}
