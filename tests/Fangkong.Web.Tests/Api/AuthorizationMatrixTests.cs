using System.Net;
using System.Net.Http.Json;
using Fangkong.Core.Data;

namespace Fangkong.Web.Tests.Api;

public sealed class AuthorizationMatrixTestsSqlite() : AuthorizationMatrixTests(StorageProvider.Sqlite);
public sealed class AuthorizationMatrixTestsPostgres() : AuthorizationMatrixTests(StorageProvider.Postgres);

/// <summary>Every endpoint against every role: allowed roles get past authorisation, all others get 401/403.</summary>
public abstract class AuthorizationMatrixTests(StorageProvider provider)
{
    private const string W = "from=2026-11-19T00:00:00Z&to=2026-11-20T12:00:00Z&purpose=case-2026-1";

    // (method, url, body, roles allowed). "anonymous" means no sign-in needed; a string body is sent as a CSV file. RouteCoverageTests checks every API route has a row.
    internal static readonly (string Method, string Url, object? Body, string[] Allowed)[] Endpoints =
    [
        ("GET", "/api/codes/public-keys", null, ["anonymous", "resident", "gate", "manager", "epi", "admin", "sampler", "lab", "command", "grid", "officer"]),
        ("POST", "/api/codes/keys/rotate", null, ["admin"]),
        ("GET", "/api/auth/me", null, ["resident", "gate", "manager", "epi", "admin", "sampler", "lab", "command", "grid", "officer"]),
        ("POST", "/api/auth/password", new { newPassword = "short" }, ["resident", "gate", "manager", "epi", "admin", "sampler", "lab", "command", "grid", "officer"]),
        ("POST", "/api/auth/totp/enrolment", null, ["resident", "gate", "manager", "epi", "admin", "sampler", "lab", "command", "grid", "officer"]),
        ("POST", "/api/auth/totp/enrolment/confirm", new { code = "abc" }, ["resident", "gate", "manager", "epi", "admin", "sampler", "lab", "command", "grid", "officer"]),
        ("POST", "/api/auth/totp", new { code = "000000" }, []),
        ("POST", "/api/auth/register", new { phone = "123", password = "matrix-password" }, ["anonymous", "resident", "gate", "manager", "epi", "admin", "sampler", "lab", "command", "grid", "officer"]),
        ("POST", "/api/auth/binding", new { idNumber = "123", name = "矩阵" }, ["resident"]),
        ("GET", "/api/accounts?q=epi", null, ["admin"]),
        ("POST", "/api/accounts", new { name = "矩阵", phone = "123", idNumber = "1", roles = new[] { "sampler" } }, ["admin"]),
        ("PUT", "/api/accounts/999", new { area = "" }, ["admin"]),
        ("POST", "/api/accounts/999/disable", null, ["admin"]),
        ("POST", "/api/accounts/999/enable", null, ["admin"]),
        ("POST", "/api/accounts/999/reset", null, ["admin"]),
        ("POST", "/api/accounts/999/unbind", new { reason = "matrix reason" }, ["admin"]),
        ("POST", "/api/accounts/import", "name,phone\n", ["admin"]),
        ("POST", "/api/gate/check-in", new { idempotencyKey = "matrix-key-1", idNumber = "11010519491231002X", temperature = 36.5 }, ["gate"]),
        ("POST", "/api/gate/check-out", new { idempotencyKey = "matrix-key-2", idNumber = "11010519491231002X" }, ["gate"]),
        ("GET", "/api/gate/occupancy", null, ["gate"]),
        ("GET", "/api/codes/me", null, ["resident"]),
        ("GET", "/api/codes/me/history", null, ["resident"]),
        ("POST", "/api/codes/verify", new { qr = "FK1.x.y" }, ["gate", "manager", "epi", "admin"]),
        ("GET", "/api/codes/persons/101/history", null, ["epi", "admin"]),
        ("POST", "/api/codes/manual", new { personId = 102, colour = "Yellow", reason = "matrix test reason" }, ["epi", "admin"]),
        ("GET", "/api/codes/manual", null, ["admin"]),
        ("POST", "/api/tests", new { personId = 103, sampledAt = "2026-11-19T08:00:00Z", outcome = "Negative" }, ["admin"]),
        ("GET", "/api/venues", null, ["epi", "admin"]),
        ("GET", $"/api/venues/{Scenario.HallId}", null, ["gate", "manager", "epi", "admin"]),
        ("GET", $"/api/venues/{Scenario.OtherVenueId}", null, ["epi", "admin"]),
        ("GET", $"/api/venues/{Scenario.HallId}/occupancy", null, ["gate", "manager", "epi", "admin"]),
        ("GET", $"/api/venues/{Scenario.OtherVenueId}/occupancy", null, ["epi", "admin"]),
        ("GET", $"/api/venues/{Scenario.HallId}/hourly", null, ["manager", "epi", "admin"]),
        ("POST", "/api/venues", new { name = "新建超市", type = "Supermarket", districtCode = "220402", capacity = 100 }, ["admin"]),
        ("GET", $"/api/venues/{Scenario.HallId}/devices", null, ["gate", "manager", "epi", "admin"]),
        ("POST", $"/api/venues/{Scenario.OtherVenueId}/devices", new { name = "北门" }, ["admin"]),
        ("GET", "/api/persons?q=张", null, ["epi", "admin"]),
        ("POST", "/api/persons", new { documentNumber = "11010519491231002X", name = "王建国", phone = "13912345678" }, ["admin"]),
        ("GET", "/api/persons/101", null, ["epi", "admin"]),
        ("GET", "/api/tracing/index", null, ["epi", "admin"]),
        ("GET", $"/api/tracing/persons/101/trajectory?{W}", null, ["epi", "admin"]),
        ("GET", $"/api/tracing/persons/101/trajectory.csv?{W}", null, ["epi", "admin"]),
        ("GET", $"/api/tracing/venues/{Scenario.HallId}/log?{W}", null, ["epi", "admin"]),
        ("GET", $"/api/tracing/venues/{Scenario.HallId}/log.xlsx?{W}", null, ["epi", "admin"]),
        ("GET", "/api/audit/trace-accesses", null, ["admin"]),
        ("GET", "/api/audit/entries?officer=epi&kind=read", null, ["admin"]),
        ("GET", "/api/audit/entries.xlsx?kind=read", null, ["admin"]),
        ("GET", "/api/audit/verify", null, ["admin"]),
        ("GET", "/api/audit/alarms", null, ["admin"]),
        ("GET", "/api/me/access", null, ["resident"]),
        ("POST", "/api/testing/rounds", new { name = "matrix round", scope = "City" }, ["admin"]),
        ("GET", "/api/testing/rounds", null, ["epi", "admin", "sampler", "lab"]),
        ("GET", "/api/testing/rounds/1", null, ["epi", "admin", "sampler", "lab"]),
        ("POST", "/api/testing/rounds/1/open", null, ["admin"]),
        ("POST", "/api/testing/rounds/1/close", null, ["admin"]),
        ("GET", "/api/testing/rounds/1/sites", null, ["epi", "admin", "sampler", "lab"]),
        ("POST", "/api/testing/sites/1", new { tables = 2 }, ["admin"]),
        ("GET", "/api/testing/rounds/1/coverage", null, ["epi", "admin"]),
        ("GET", "/api/testing/rounds/1/missing?compoundId=1", null, ["epi", "admin"]),
        ("GET", "/api/testing/rounds/1/turnaround", null, ["epi", "admin"]),
        ("GET", "/api/testing/rounds/1/stuck-tubes", null, ["epi", "admin", "sampler", "lab"]),
        ("GET", "/api/testing/rounds/1/efficiency", null, ["epi", "admin"]),
        ("GET", "/api/testing/rounds/1/door-tasks", null, ["admin", "sampler"]),
        ("POST", "/api/testing/rounds/1/door-tasks/from-missing", new { compoundId = 1 }, ["admin"]),
        ("POST", "/api/testing/rounds/1/door-tasks/assign", new { taskIds = new[] { 1 }, team = "一队" }, ["admin"]),
        ("GET", "/api/testing/rounds/1/resample-tasks", null, ["admin", "sampler"]),
        ("POST", "/api/testing/tubes", new { roundId = 1, siteId = 1, barcode = "T00000000000", key = "matrix-key-3" }, ["sampler"]),
        ("POST", "/api/testing/tubes/T00000000000/samples", new { scan = "11010519491231002X", key = "matrix-key-4" }, ["sampler"]),
        ("POST", "/api/testing/tubes/T00000000000/close", new { key = "matrix-key-5" }, ["sampler"]),
        ("GET", "/api/testing/tubes/T00000000000", null, ["epi", "admin", "sampler", "lab"]),
        ("POST", "/api/testing/boxes", new { barcode = "X00000000000", tubes = new[] { "T00000000000" } }, ["sampler"]),
        ("POST", "/api/testing/boxes/X00000000000/handovers", new { receiver = "courier", countedTubes = 1 }, ["sampler"]),
        ("GET", "/api/testing/boxes/X00000000000", null, ["epi", "admin", "sampler", "lab"]),
        ("POST", "/api/testing/lab/receipts", new { box = "X00000000000", tubes = new[] { "T00000000000" } }, ["lab"]),
        ("POST", "/api/testing/lab/results", new { barcode = "T00000000000", outcome = "Negative" }, ["lab"]),
        ("GET", "/api/testing/me/slots", null, ["resident"]),
        ("GET", "/api/testing/me/certificates", null, ["resident"]),
        ("GET", "/api/testing/certificates/1", null, ["resident", "gate", "manager", "epi", "admin", "sampler", "lab", "command", "grid", "officer"]),
        ("GET", "/api/testing/certificates/1/pdf", null, ["resident", "gate", "manager", "epi", "admin", "sampler", "lab", "command", "grid", "officer"]),
        ("POST", "/api/testing/certificates/verify", new { proof = "FKC1.x.y" }, ["anonymous", "resident", "gate", "manager", "epi", "admin", "sampler", "lab", "command", "grid", "officer"]),
        ("GET", "/api/cases", null, ["epi", "admin"]),
        ("GET", "/api/cases/1", null, ["epi", "admin"]),
        ("POST", "/api/cases", new { personId = 1, firstPositiveSampledAtUtc = "2026-11-01T00:00:00Z" }, ["epi", "admin"]),
        ("PATCH", "/api/cases/1", new { status = "InHospital" }, ["epi", "admin"]),
        ("GET", "/api/cases/1/events", null, ["epi", "admin"]),
        ("GET", "/api/cases/1/timeline", null, ["epi", "admin"]),
        ("GET", "/api/cases/chain/cases", null, ["epi", "admin"]),
        ("POST", "/api/cases/1/contacts/search", null, ["epi", "admin"]),
        ("POST", "/api/cases/1/contacts/search-secondary", null, ["epi", "admin"]),
        ("GET", "/api/cases/1/contacts", null, ["epi", "admin"]),
        ("POST", "/api/cases/1/contacts/decide", new { ids = new[] { 1 }, status = "Confirmed" }, ["epi", "admin"]),
        ("POST", "/api/cases/1/contacts/release", new { ids = new[] { 1 } }, ["epi", "admin"]),
        ("POST", "/api/cases/1/contacts/quarantine", new { ids = new[] { 1 }, siteId = 1 }, ["epi", "admin"]),
        ("POST", "/api/cases/1/contacts/quarantine/preview", new { ids = new[] { 1 }, siteId = 1 }, ["epi", "admin"]),
        ("POST", "/api/cases/1/contacts/release/preview", new { ids = new[] { 1 } }, ["epi", "admin"]),
        ("POST", "/api/quarantine/sites", new { name = "隔离点", districtCode = "220402", rooms = new[] { new { number = "1", beds = 1 } } }, ["admin"]),
        ("GET", "/api/quarantine/sites", null, ["epi", "admin"]),
        ("POST", "/api/quarantine/stays/1/check-in", new { temperature = 36.5 }, ["epi", "admin"]),
        ("GET", "/api/quarantine/alerts", null, ["epi", "admin"]),
        ("GET", "/api/quarantine/tests", null, ["epi", "admin", "sampler"]),
        ("GET", "/api/cases/1/investigation", null, ["epi", "admin"]),
        ("POST", "/api/cases/1/places", new { place = "朋友家", from = "2026-11-18T10:00:00", to = "2026-11-18T12:00:00" }, ["epi", "admin"]),
        ("DELETE", "/api/cases/1/places/1", null, ["epi", "admin"]),
        ("POST", "/api/cases/1/risk-windows", new { venueId = 1, from = "2026-11-18T10:00:00", to = "2026-11-18T12:00:00" }, ["epi", "admin"]),
        ("GET", "/api/quarantine/transfers", null, ["epi", "admin"]),
        ("GET", "/api/lists/cases", null, ["epi", "admin"]),
        ("GET", "/api/lists/contacts?grade=Close", null, ["epi", "admin"]),
        ("GET", "/api/lists/quarantine", null, ["epi", "admin"]),
        ("GET", "/api/lists/tests?result=Positive", null, ["epi", "admin"]),
        ("POST", "/api/exports", new { list = "tests", format = "xlsx" }, ["epi", "admin"]),
        ("POST", "/api/exports", new { list = "cases", format = "csv" }, ["epi", "admin"]),
        // The zone list, as the zones themselves: epidemiologists and administrators, not the command center (map only) nor community staff.
        ("POST", "/api/exports", new { list = "zones", format = "csv", filter = new { level = "Sealed" } }, ["epi", "admin"]),
        ("GET", "/api/exports", null, ["epi", "admin"]),
        ("GET", "/api/exports/1", null, ["epi", "admin"]),
        ("GET", "/api/exports/1/file", null, ["epi", "admin"]),
        ("POST", "/api/bulletins", new { day = "2026-11-19", level = "City", area = "220400" }, ["epi", "admin"]),
        ("GET", "/api/bulletins", null, ["epi", "admin"]),
        ("GET", "/api/bulletins/published", null, ["anonymous", "resident", "gate", "manager", "epi", "admin", "sampler", "lab", "command", "grid", "officer"]),
        ("PATCH", "/api/bulletins/1", new { textZh = "x" }, ["epi", "admin"]),
        ("POST", "/api/bulletins/1/publish", null, ["admin"]),
        ("POST", "/api/quarantine/transfers/1/dispatch", new { vehicle = "吉D12345" }, ["epi", "admin"]),
        ("POST", "/api/quarantine/transfers/1/arrive", new { }, ["epi", "admin"]),
        ("POST", "/api/quarantine/transfers/1/cancel", new { }, ["epi", "admin"]),
        ("POST", "/api/quarantine/me/check-in", new { temperature = 36.5 }, ["resident"]),
        // Hospitals, beds and case transfers: the tracing roles; adding a hospital is the administrator's.
        ("POST", "/api/hospitals", new { name = "矩阵医院", kind = "Designated", districtCode = "220402", wards = new[] { new { name = "一病区", beds = 1 } } }, ["admin"]),
        ("GET", "/api/hospitals", null, ["epi", "admin"]),
        ("GET", "/api/hospitals/1", null, ["epi", "admin"]),
        ("GET", "/api/hospitals/cases/1", null, ["epi", "admin"]),
        ("POST", "/api/hospitals/cases/1/admit", new { hospitalId = 1 }, ["epi", "admin"]),
        ("POST", "/api/hospitals/cases/1/move", new { hospitalId = 1 }, ["epi", "admin"]),
        ("POST", "/api/hospitals/cases/1/discharge", new { }, ["epi", "admin"]),
        ("GET", "/api/hospitals/transfers", null, ["epi", "admin"]),
        ("POST", "/api/hospitals/transfers", new { caseIds = new[] { 1 }, toHospitalId = 1 }, ["epi", "admin"]),
        ("GET", "/api/hospitals/transfer-batches", null, ["epi", "admin"]),
        ("POST", "/api/hospitals/transfers/1/dispatch", new { vehicle = "吉D12345" }, ["epi", "admin"]),
        ("POST", "/api/hospitals/transfers/1/arrive", new { }, ["epi", "admin"]),
        ("POST", "/api/hospitals/transfers/1/cancel", new { }, ["epi", "admin"]),
        ("POST", "/api/hospitals/transfer-batches/1/dispatch", new { vehicle = "吉D12345" }, ["epi", "admin"]),
        ("POST", "/api/hospitals/transfer-batches/1/arrive", new { }, ["epi", "admin"]),
        ("POST", "/api/hospitals/transfer-batches/1/cancel", new { }, ["epi", "admin"]),
        ("GET", "/api/dashboard", null, ["epi", "admin", "command"]),
        ("GET", "/api/dashboard/charts/trend.svg", null, ["epi", "admin", "command"]),
        ("GET", "/api/cases/chain", null, ["epi", "admin"]),
        ("POST", "/api/codes/manual/1/decision", new { approve = true }, ["admin"]),
        ("POST", "/api/codes/manual/1/revoke", null, ["admin"]),
        ("POST", "/api/testing/lab/results/import", "T00000000000,Negative\n", ["lab"]),
        ("GET", "/api/bulletins/1", null, ["anonymous", "resident", "gate", "manager", "epi", "admin", "sampler", "lab", "command", "grid", "officer"]),
        ("GET", "/api/bulletins/1.pdf", null, ["anonymous", "resident", "gate", "manager", "epi", "admin", "sampler", "lab", "command", "grid", "officer"]),
        ("PUT", $"/api/venues/{Scenario.OtherVenueId}", new { capacity = 0 }, ["admin"]),
        ("GET", "/api/zones", null, ["epi", "admin"]),
        ("GET", "/api/zones/1", null, ["epi", "admin"]),
        ("POST", "/api/zones", new { name = "矩阵小区", level = "Sealed", members = new[] { new { kind = "Compound", id = 1 } }, reason = "matrix test" }, ["epi", "admin"]),
        ("POST", "/api/zones/from-case/1", null, ["epi", "admin"]),
        ("POST", "/api/zones/1/confirm", new { }, ["epi", "admin"]),
        ("POST", "/api/zones/1/dismiss", new { }, ["epi", "admin"]),
        ("POST", "/api/zones/1/extend", new { members = new[] { new { kind = "Compound", id = 1 } } }, ["epi", "admin"]),
        ("POST", "/api/zones/1/request", new { step = "Lift" }, ["epi", "admin"]),
        ("POST", "/api/zones/1/approve", null, ["epi", "admin"]),
        ("POST", "/api/zones/1/reject", new { }, ["epi", "admin"]),
        ("POST", "/api/zones/review", null, ["admin"]),
        ("GET", "/api/zones/addresses?q=小区", null, ["epi", "admin"]),
        ("GET", "/api/zones/addresses/compounds/1", null, ["epi", "admin"]),
        ("GET", "/api/zones/map.svg", null, ["epi", "admin", "command"]),
        ("GET", "/api/community/me", null, ["grid", "officer", "epi", "admin"]),
        ("GET", "/api/community/grids", null, ["grid", "officer", "epi", "admin"]),
        ("GET", $"/api/community/grids/{Scenario.GridId}/households", null, ["grid", "officer", "epi", "admin"]),
        ("GET", $"/api/community/households/{Scenario.HouseholdId}", null, ["grid", "officer", "epi", "admin"]),
        ("POST", $"/api/community/households/{Scenario.HouseholdId}/screenings", new { outcome = "Refused" }, ["grid", "officer", "admin"]),
        ("GET", "/api/community/problems", null, ["grid", "officer", "epi", "admin"]),
        ("POST", "/api/community/problems", new { category = "Supplies", text = "矩阵测试", householdId = Scenario.HouseholdId }, ["grid", "officer", "admin"]),
        ("GET", "/api/community/problems/1", null, ["grid", "officer", "epi", "admin"]),
        ("POST", "/api/community/problems/1/answer", new { answer = "已安排" }, ["officer", "admin"]),
        ("GET", "/api/community/special-groups", null, ["grid", "officer", "epi", "admin"]),
        ("GET", "/api/community/special-groups.xlsx", null, ["grid", "officer", "epi", "admin"]),
        ("POST", "/api/community/special-groups", new { personId = 101, group = "Bedridden", responsibleName = "王丽" }, ["grid", "officer", "admin"]),
        ("POST", "/api/community/special-groups/1/end", null, ["officer", "admin"]),
        ("POST", "/api/appeals/me", new { idempotencyKey = "matrix-appeal-1", reason = "矩阵测试申诉" }, ["resident"]),
        ("GET", "/api/appeals/me", null, ["resident"]),
        ("GET", "/api/appeals/me/1/files/1", null, ["resident"]),
        ("GET", "/api/appeals", null, ["epi", "admin"]),
        ("GET", "/api/appeals/1", null, ["epi", "admin"]),
        ("GET", "/api/appeals/1/files/1", null, ["epi", "admin"]),
        ("POST", "/api/appeals/1/uphold", new { reason = "矩阵测试理由" }, ["epi", "admin"]),
        ("POST", "/api/appeals/1/refuse", new { reason = "矩阵测试理由" }, ["epi", "admin"]),
        ("POST", "/api/appeals/1/decision", new { approve = true }, ["admin"]),
        ("POST", "/api/appeals/bulk", new { reason = "矩阵测试复工", text = "220403199001032462" }, ["manager"]),
        ("GET", "/api/appeals/bulk", null, ["manager", "epi", "admin"]),
        ("GET", "/api/appeals/bulk/1", null, ["manager", "epi", "admin"]),
        ("POST", "/api/appeals/bulk/1/request", null, ["epi", "admin"]),
        ("POST", "/api/appeals/bulk/1/decision", new { approve = true }, ["admin"]),
        ("POST", "/api/teams", new { name = "矩阵采样队", kind = "Sampling", workRole = "sampler", districtCode = "220402" }, ["admin"]),
        ("GET", "/api/teams", null, ["command", "epi", "admin"]),
        ("GET", "/api/teams/deployment", null, ["command", "epi", "admin"]),
        ("GET", "/api/teams/1", null, ["command", "epi", "admin"]),
        ("POST", "/api/teams/1/members", new { userNames = new[] { "sampler" } }, ["admin"]),
        ("DELETE", "/api/teams/1/members/1", null, ["admin"]),
        ("POST", "/api/teams/1/leader", new { userId = 1 }, ["admin"]),
        ("POST", "/api/teams/1/disband", null, ["admin"]),
        ("GET", "/api/teams/1/shifts", null, ["command", "epi", "admin"]),
        ("POST", "/api/teams/1/shifts", new { from = "2026-11-21", starts = "08:00", ends = "16:00" }, ["admin"]),
        ("DELETE", "/api/teams/1/shifts/1", null, ["admin"]),
        ("GET", "/api/teams/1/output", null, ["command", "epi", "admin"]),
    ];

    private static readonly string[] Callers = ["anonymous", "resident", "gate", "manager", "epi", "admin", "sampler", "lab", "command", "grid", "officer"];

    [Fact]
    public async Task Each_role_reaches_exactly_the_endpoints_it_needs()
    {
        await using var host = await ApiHost.StartAsync(provider);
        var clients = new Dictionary<string, HttpClient> { ["anonymous"] = host.Anonymous() };
        foreach (var c in Callers.Skip(1)) clients[c] = await host.LoginAsync(c);

        var wrong = new List<string>();
        foreach (var (method, url, body, allowed) in Endpoints)
        {
            foreach (var caller in Callers)
            {
                var client = clients[caller];
                var r = method switch
                {
                    "GET" => await client.GetAsync(url),
                    "PATCH" => await client.PatchAsJsonAsync(url, body),
                    "DELETE" => await client.DeleteAsync(url),
                    "PUT" => await client.PutAsJsonAsync(url, body),
                    _ when body is string csv => await client.PostAsync(url, new StringContent(csv, System.Text.Encoding.UTF8, "text/csv")),
                    _ => await client.PostAsJsonAsync(url, body),
                };
                var status = (int)r.StatusCode;
                var denied = r.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;
                var shouldPass = allowed.Contains(caller);
                if (status >= 500) wrong.Add($"{caller} {method} {url}: {status}");
                else if (shouldPass && denied) wrong.Add($"{caller} {method} {url}: denied ({status}) but should be allowed");
                else if (!shouldPass && !denied) wrong.Add($"{caller} {method} {url}: allowed ({status}) but should be denied");
                else if (!shouldPass && caller == "anonymous" && status != 401) wrong.Add($"anonymous {method} {url}: {status}, expected 401");
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }
}
