using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fangkong.Core.Data;
using Fangkong.Web.Api;

namespace Fangkong.Web.Tests.Api;

public sealed class HostileInputTestsSqlite() : HostileInputTests(StorageProvider.Sqlite);
public sealed class HostileInputTestsPostgres() : HostileInputTests(StorageProvider.Postgres);

/// <summary>
/// Walks every route the app maps (read from its endpoint data source, so a route added later is walked too) as an account
/// allowed to call it, with hostile input: control characters in query strings, route values and every text field of
/// every JSON body; implausible and malformed dates in every date field and date query parameter; oversized JSON and
/// form bodies; a wrong Content-Type; unknown query fields; reused idempotency keys. Each answer is the right 4xx naming
/// the field, never a 500, and the row count of every table is unchanged.
/// </summary>
public abstract class HostileInputTests(StorageProvider provider)
{
    private const string Nul = "a\u0000b";

    [Fact]
    public async Task Control_characters_in_query_strings_and_route_values_are_refused_on_every_route()
    {
        await using var walk = await Walk.StartAsync(provider);
        var before = await walk.CountsAsync();
        foreach (var r in walk.Routes)
        {
            await walk.ExpectAsync(r, "query", await walk.SendAsync(r, r.Path + "?fk=a%00b", null), 400, "fk");
            await walk.ExpectAsync(r, "query C1", await walk.SendAsync(r, r.Path + "?fk=a%C2%9Bb", null), 400, "fk");
            foreach (var p in r.StringRouteParameters)
            {
                await walk.ExpectAsync(r, "route " + p, await walk.SendAsync(r, r.PathWith(p, "a%01b"), null), 400, p);
                // NUL in a path is refused by the server itself, before routing (a bare 400, nothing to name yet).
                await walk.ExpectAsync(r, "route NUL " + p, await walk.SendAsync(r, r.PathWith(p, "a%00b"), null), 400);
            }
        }
        await walk.AssertAsync(before);
    }

    [Fact]
    public async Task Control_characters_in_any_text_field_of_any_json_body_are_refused_naming_it()
    {
        await using var walk = await Walk.StartAsync(provider);
        var before = await walk.CountsAsync();
        foreach (var r in walk.Routes.Where(r => r.BodyType is not null))
        {
            foreach (var (path, type) in HostileRoutes.Leaves(r.BodyType!))
            {
                if (type == typeof(string))
                    await walk.ExpectAsync(r, path, await walk.SendAsync(r, r.Path, Json(HostileRoutes.BodyWith(path, Nul))), 400, path);
                else if (type == typeof(JsonElement))
                    await walk.ExpectAsync(r, path, await walk.SendAsync(r, r.Path, Json(HostileRoutes.BodyWith(path, new JsonObject { ["q"] = Nul }))), 400, path + ".q");
            }
        }
        await walk.AssertAsync(before);
    }

    [Fact]
    public async Task Implausible_and_malformed_dates_are_refused_naming_the_field_on_every_route()
    {
        await using var walk = await Walk.StartAsync(provider);
        var before = await walk.CountsAsync();
        foreach (var r in walk.Routes)
        {
            foreach (var (path, type) in r.BodyType is null ? [] : HostileRoutes.Leaves(r.BodyType).Where(l => HostileRoutes.IsDate(l.Type)))
            {
                foreach (var value in Implausible(type))
                    await walk.ExpectAsync(r, $"{path}={value}", await walk.SendAsync(r, r.Path, Json(HostileRoutes.BodyWith(path, value))), 400, path);
                await walk.ExpectAsync(r, $"{path} malformed", await walk.SendAsync(r, r.Path, Json(HostileRoutes.BodyWith(path, "2026-02-30"))), 400, path);
            }
            foreach (var (name, type) in r.QueryDates)
            {
                foreach (var value in Implausible(type))
                    await walk.ExpectAsync(r, $"?{name}={value}", await walk.SendAsync(r, $"{r.Path}?{name}={Uri.EscapeDataString(value)}", Empty(r)), 400, name);
                await walk.ExpectAsync(r, $"?{name} malformed", await walk.SendAsync(r, $"{r.Path}?{name}=2026-02-30", Empty(r)), 400, name);
            }
        }
        await walk.AssertAsync(before);

        // Pages read their query themselves, and a page may be a read that writes (an audited trace, a first signing key):
        // whatever a date-looking value does in any query parameter of any page, it is not a 500.
        foreach (var r in walk.Routes.Where(r => r.Method == "GET"))
            foreach (var name in r.PageQuery)
                foreach (var value in new[] { "0001-01-01", "0001-01-01T00:00", "9999-12-31T23:59", "2026-02-30" })
                    await walk.NoServerErrorAsync(r, $"?{name}={value}", await walk.SendAsync(r, $"{r.Path}?{name}={Uri.EscapeDataString(value)}", null));
        Assert.True(walk.Failures.Count == 0, string.Join('\n', walk.Failures));
    }

    [Fact]
    public async Task Oversized_json_and_form_bodies_are_refused_with_413_on_every_route_that_takes_a_body()
    {
        await using var walk = await Walk.StartAsync(provider);
        var before = await walk.CountsAsync();
        foreach (var r in walk.Routes.Where(r => r.HasBody))
        {
            var limit = r.Path.StartsWith("/api/appeals/me", StringComparison.Ordinal) || r.Path.StartsWith("/me/appeals", StringComparison.Ordinal) ? BodyLimits.AppealBytes
                : !r.IsApi ? BodyLimits.FormBytes
                : r.Path.StartsWith("/api/gate", StringComparison.Ordinal) || r.Path == "/api/venue-codes/scans" ? BodyLimits.GateBytes
                : r.Path.StartsWith("/api/testing/lab/results/import", StringComparison.Ordinal) ? BodyLimits.ImportBytes
                : r.Path.StartsWith("/api/accounts/import", StringComparison.Ordinal) ? BodyLimits.TeamImportBytes : BodyLimits.ApiBytes;
            var filler = new string('x', (int)limit + 16);
            if (r.IsApi)
            {
                var type = r.TakesJson || r.Accepts.Count == 0 ? "application/json" : r.Accepts[0];
                await walk.ExpectAsync(r, "large json", await walk.SendAsync(r, r.Path, new StringContent($$"""{"name":"{{filler}}"}""", Encoding.UTF8, type)), 413);
                // Without a declared length the size shows only as the body is read: routes that read none answer as usual.
                if (r.Accepts.Count > 0)
                {
                    var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes($$"""{"name":"{{filler}}"}""")));
                    chunked.Headers.ContentType = new(type);
                    await walk.ExpectAsync(r, "large chunked json", await walk.SendAsync(r, r.Path, chunked, chunked: true), 413);
                }
            }
            await walk.ExpectAsync(r, "large form", await walk.SendAsync(r, r.Path, new FormUrlEncodedContent([new("name", filler)])), 413);
            var form = new StreamContent(new MemoryStream(Encoding.ASCII.GetBytes("name=" + filler)));
            form.Headers.ContentType = new("application/x-www-form-urlencoded");
            await walk.ExpectAsync(r, "large chunked form", await walk.SendAsync(r, r.Path, form, chunked: true), 413);
        }
        await walk.AssertAsync(before);
    }

    [Fact]
    public async Task A_wrong_content_type_is_refused_with_415_on_every_route_that_reads_a_body()
    {
        await using var walk = await Walk.StartAsync(provider);
        var before = await walk.CountsAsync();
        foreach (var r in walk.Routes.Where(r => r.Accepts.Count > 0))
        {
            foreach (var type in new[] { "application/xml", "text/plain" }.Where(t => !r.Accepts.Contains(t)))
            {
                var answer = await walk.SendAsync(r, r.Path, new StringContent("<a/>", Encoding.UTF8, type));
                await walk.ExpectAsync(r, type, answer, 415);
                if (answer.Content.Headers.ContentType?.MediaType != "application/problem+json") walk.Failures.Add($"{r.Name} [{type}]: not a ProblemDetails");
            }
        }
        await walk.AssertAsync(before);
    }

    /// <summary>
    /// Unknown query fields are ignored by most routes; what must hold everywhere is that they never cause a 500. (Whether
    /// a line list refuses one is the list filters' own rule, tested with the lists; GETs may legitimately write — a
    /// signing key on first use, an audited read — so this family checks answers only, not row counts.)
    /// </summary>
    [Fact]
    public async Task Unknown_query_fields_never_cause_a_500()
    {
        await using var walk = await Walk.StartAsync(provider);
        foreach (var r in walk.Routes.Where(r => r.Method == "GET"))
            await walk.NoServerErrorAsync(r, "unknown field", await walk.SendAsync(r, r.Path + "?zzUnknown=1&page=2&from=2026-11-01", null));
        Assert.True(walk.Failures.Count == 0, string.Join('\n', walk.Failures));
    }

    /// <summary>
    /// Every route whose body carries an idempotency key is one this suite knows how to drive (or names the test that does):
    /// a route added with a key fails here until its reuse is tested. The gate's are driven here.
    /// </summary>
    [Fact]
    public async Task Reused_idempotency_keys_are_refused_on_every_route_that_takes_one()
    {
        await using var walk = await Walk.StartAsync(provider);
        var keyed = walk.Routes.Where(r => r.BodyType?.GetProperties().Any(p => p.Name is "IdempotencyKey" or "Key") == true).Select(r => r.Name).Order().ToList();
        Dictionary<string, string> drivenElsewhere = new()
        {
            ["POST /api/appeals/me"] = nameof(Appeals.AppealFlowTests),
            ["POST /api/supplies/orders"] = nameof(Supplies.SupplyOrderFlowTests),
            ["POST /api/venue-codes/scans"] = nameof(VenueCodes.VenueScanTests),
            // One intake (TicketIntake) behind the three: the hotline's reuse and the platform's retries are driven there.
            ["POST /api/requests/"] = nameof(Requests.TicketFlowTests),
            ["POST /api/requests/me"] = nameof(Requests.TicketFlowTests),
            ["POST /api/requests/platform"] = nameof(Requests.TicketFlowTests),
            // One registry behind the two: the phone's retry, a reused key and the same arrival day are driven there.
            ["POST /api/returnees/"] = nameof(Returnees.ReturneeFlowTests),
            ["POST /api/returnees/me"] = nameof(Returnees.ReturneeFlowTests),
            // A tablet's vehicle check and an officer's pass application: the same key answers the same record (CheckpointFlowTests drives the retry).
            ["POST /api/checkpoints/vehicles"] = "CheckpointFlowTests",
            ["POST /api/passes/"] = "CheckpointFlowTests",
            // A unit's day report: the same key answers the same report (InstitutionFlowTests). The member's own report shares
            // the key store (DailyReports) but its retry has no test of its own yet (issue 23's note).
            ["POST /api/institutions/{id:long}/reports"] = "InstitutionFlowTests",
            ["POST /api/institutions/me/report"] = "DailyReports, untested retry",
            ["POST /api/testing/tubes"] = nameof(Testing.SamplingKeyReuseTests),
            ["POST /api/testing/tubes/{barcode}/samples"] = nameof(Testing.SamplingKeyReuseTests),
            // Closing is idempotent by state (a closed tube stays closed) and its key is not stored: a reused key closes
            // the tube the request names, which is what the request asks, and no earlier answer is given in its place.
            ["POST /api/testing/tubes/{barcode}/close"] = "state-idempotent",
        };
        string[] drivenHere = ["POST /api/gate/check-in", "POST /api/gate/check-out"];
        Assert.Equal(drivenHere.Concat(drivenElsewhere.Keys).Order(), keyed);

        var before = await walk.CountsAsync();
        var gate = await walk.ClientAsync(walk.Routes.First(r => r.Name == "POST /api/gate/check-in"));
        var s = walk.Host.Scenario;
        var key = Guid.NewGuid().ToString("N");
        var first = await gate.PostAsJsonAsync("/api/gate/check-in", new { idempotencyKey = key, idNumber = s.Alice.DocumentNumber, temperature = 36.5 });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var after = await walk.CountsAsync();
        foreach (var route in drivenHere)
        {
            var path = route.Split(' ')[1];
            var same = await gate.PostAsJsonAsync(path, new { idempotencyKey = key, idNumber = s.Alice.DocumentNumber, temperature = 36.5 });
            if (path.EndsWith("check-in", StringComparison.Ordinal)) Assert.Equal(HttpStatusCode.OK, same.StatusCode);
            foreach (var other in new object[]
            {
                new { idempotencyKey = key, idNumber = s.Bob.DocumentNumber, temperature = 36.5 },
                new { idempotencyKey = key, idNumber = s.Alice.DocumentNumber, temperature = 38.5 },
                new { idempotencyKey = key, idNumber = s.Alice.DocumentNumber, temperature = 36.5, deviceTime = "2026-11-20T09:00:00" },
            })
            {
                var r = walk.Routes.First(x => x.Name == route);
                await walk.ExpectAsync(r, "reused key", await gate.PostAsJsonAsync(path, other), 422, "idempotencyKey");
            }
        }
        Assert.Equal(before["gate_events"] + 1, after["gate_events"]);
        await walk.AssertAsync(after);
    }

    private static IEnumerable<string> Implausible(Type type) => type == typeof(DateOnly)
        ? ["0001-01-01", "9999-12-31", "1899-12-31"]
        : ["0001-01-01T00:00:00", "9999-12-31T23:59:59", "0001-01-01T00:00:00Z", "1899-12-31T23:00:00+08:00"];

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static StringContent? Empty(HostileRoute r) => r.TakesJson && r.HasBody ? Json("{}") : null;

    /// <summary>The app over a fresh store with every route, its account signed in once, and the failures so far.</summary>
    private sealed class Walk(ApiHost host, List<HostileRoute> routes, LogCapture log) : IAsyncDisposable
    {
        private readonly Dictionary<string, HttpClient> _clients = [];

        public ApiHost Host => host;
        public List<HostileRoute> Routes => routes;
        public List<string> Failures { get; } = [];

        public static async Task<Walk> StartAsync(StorageProvider provider)
        {
            var log = new LogCapture();
            var host = await ApiHost.StartAsync(provider, web: log.AddTo, kestrel: true);
            var routes = await HostileRoutes.AllAsync(host);
            Assert.True(routes.Count(r => r.IsApi) > 60, $"only {routes.Count(r => r.IsApi)} API routes found");
            Assert.Contains(routes, r => r.Page is not null);
            return new Walk(host, routes, log);
        }

        public async Task<HttpClient> ClientAsync(HostileRoute r)
        {
            if (r.User is null) return host.Anonymous();
            if (!_clients.TryGetValue(r.User, out var client)) _clients[r.User] = client = await host.LoginAsync(r.User);
            return client;
        }

        /// <param name="chunked">Send the body in chunks with no declared length (the server learns its size only by reading it).</param>
        public async Task<HttpResponseMessage> SendAsync(HostileRoute r, string path, HttpContent? content, bool chunked = false)
        {
            var client = await ClientAsync(r);
            using var request = new HttpRequestMessage(new HttpMethod(r.Method), path) { Content = content };
            if (chunked) request.Headers.TransferEncodingChunked = true;
            // A large body waits for the server's go-ahead: refused up front, it is never sent (rather than cut off mid-way).
            if (chunked || content?.Headers.ContentLength > 64 * 1024) request.Headers.ExpectContinue = true;
            try
            {
                return await client.SendAsync(request);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // No answer at all (the server may also close the connection on an oversized chunked body while it is being
                // sent): recorded as status 0, a failure of whatever the request expected.
                return new HttpResponseMessage(0) { Content = new StringContent($"{path}: {e.GetType().Name}: {e.Message}") };
            }
        }

        public async Task ExpectAsync(HostileRoute r, string what, HttpResponseMessage answer, int status, string? field = null)
        {
            var text = await answer.Content.ReadAsStringAsync();
            var code = (int)answer.StatusCode;
            if (code != status)
            {
                Failures.Add($"{r.Name} [{what}] as {r.User ?? "anyone"}: {code}, expected {status}: {Short(text)} {(code is >= 500 or 0 ? ServerError() : "")}");
                return;
            }
            if (field is null || r.Method == "HEAD") return; // a HEAD answer has no body to name anything in
            if (answer.Content.Headers.ContentType?.MediaType == "application/problem+json")
            {
                var fields = JsonDocument.Parse(text).RootElement.ProblemFields().Select(f => f.StartsWith("$.", StringComparison.Ordinal) ? f[2..] : f);
                if (!fields.Any(f => string.Equals(f, field, StringComparison.OrdinalIgnoreCase)))
                    Failures.Add($"{r.Name} [{what}]: {status} names [{string.Join(", ", fields)}], not {field}");
            }
            else if (!text.Contains(field, StringComparison.Ordinal))
                Failures.Add($"{r.Name} [{what}]: the {status} page does not name {field}: {Short(text)}");
        }

        public async Task NoServerErrorAsync(HostileRoute r, string what, HttpResponseMessage answer)
        {
            if ((int)answer.StatusCode is >= 500 or 0) Failures.Add($"{r.Name} [{what}]: {(int)answer.StatusCode}: {Short(await answer.Content.ReadAsStringAsync())} {ServerError()}");
        }

        /// <summary>The last error the server logged, to say why a request failed.</summary>
        private string ServerError() => log.Entries.LastOrDefault(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error) is { } e
            ? $"(server: {e.Exception?.GetType().Name}: {Short(e.Exception?.Message ?? e.Message)})" : "";

        public async Task<Dictionary<string, long>> CountsAsync()
        {
            await using var db = host.Db();
            return await RowCounts.OfAsync(db);
        }

        /// <summary>No failures, and nothing written since <paramref name="before"/>.</summary>
        public async Task AssertAsync(Dictionary<string, long> before)
        {
            var changes = RowCounts.Changes(before, await CountsAsync()).ToList();
            Assert.True(Failures.Count == 0 && changes.Count == 0,
                $"{Failures.Count} failures:\n{string.Join('\n', Failures)}\nrows written: {string.Join("; ", changes)}");
        }

        private static string Short(string s) => s.Length > 300 ? s[..300] + "…" : s;

        public ValueTask DisposeAsync() => host.DisposeAsync();
    }
}
