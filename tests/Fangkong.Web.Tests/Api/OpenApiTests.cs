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
    public async Task Every_operation_documents_its_success_body()
    {
        await using var host = await ApiHost.StartAsync(StorageProvider.Sqlite);
        var doc = await (await host.Anonymous().GetAsync("/openapi/v1.json")).JsonAsync();
        var checkedOps = 0;
        var missing = new List<string>();
        foreach (var path in doc.GetProperty("paths").EnumerateObject())
        {
            foreach (var op in path.Value.EnumerateObject())
            {
                if (op.Name is not ("get" or "post" or "put" or "patch" or "delete")) continue;
                checkedOps++;
                var success = op.Value.GetProperty("responses").EnumerateObject().Where(r => r.Name.StartsWith('2')).ToList();
                // 204 answers have no body by definition; every other success names what it answers, so a client can be generated.
                var documented = success.Any(r => r.Name == "204"
                    || (r.Value.TryGetProperty("content", out var content) && content.EnumerateObject().Any(c => c.Value.TryGetProperty("schema", out _))));
                if (!documented) missing.Add($"{op.Name.ToUpperInvariant()} {path.Name}");
            }
        }
        Assert.True(checkedOps > 100, $"only {checkedOps} operations found");
        Assert.True(missing.Count == 0, "no success body: " + string.Join(", ", missing));
    }
}
