using System.Net;
using System.Net.Http.Json;
using Fangkong.Core.Data;
using Fangkong.Core.Gate;
using Fangkong.Core.Quarantine;
using Fangkong.Core.Tracing;
using Fangkong.Core.Zones;
using Fangkong.Domain.Quarantine;
using Fangkong.Domain.Tracing;
using Fangkong.Domain.Zones;
using Fangkong.Web.Tests.Architecture;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Fangkong.Web.Tests.Api;

public sealed class JurisdictionRouteTestsSqlite() : JurisdictionRouteTests(StorageProvider.Sqlite);
public sealed class JurisdictionRouteTestsPostgres() : JurisdictionRouteTests(StorageProvider.Postgres);

/// <summary>
/// Every API route, called by a district officer of 龙山区 (X) with the ids of 西安区's (Y) records or for a list (ADR 0028):
/// an id of Y is "not found" or refused, and a list or figure shows no Y record. The table is checked against the routes
/// the host maps, so a new route fails here until it is declared scoped, with its probe, or not personal, with the reason.
/// </summary>
public abstract class JurisdictionRouteTests(StorageProvider provider)
{
    // Y's records (Dave's), and one of X's (Erin's case, whose contact Dave is).
    private const long CaseY = 880001, CaseX = 880002, ContactY = 880003, StayY = 880004, ZoneY = 880005, VisitY = 880006;
    // Y's records the queues and transfers hold (a manual colour, transfers, a door task, a problem, a register entry, an appeal, a bulk unlock).
    private const long ManualY = 880010, QTransferY = 880011, CaseTransferY = 880012, BatchY = 880013, DoorTaskY = 880014, ProblemY = 880015,
        SpecialY = 880016, AppealY = 880017, AppealFileY = 880018, BulkY = 880019, BulkLineY = 880020, RoundY = 1, SiteY = 880021, TicketY = 880030, ReturneeY = 880040;
    // Y's supplies: a supplier serving 西安区, its pack, and an overdue order for Dave's household on its way.
    private const long SupplierY = 880030, PackY = 880031, OrderY = 880032;
    // Y's checkpoint and a car checked there (its passenger Dave).
    private const long CheckpointY = 880040, VehicleCheckY = 880041;
    private const string W = "from=2026-11-19T00:00:00Z&to=2026-11-20T12:00:00Z&purpose=case-2026-1";
    /// <summary>What shows that a response holds Y's person or zone: Dave's id, his surname (masked names keep it), his community, Y's zone.</summary>
    private static readonly string[] Markers = [Scenario.DaveId.ToString(System.Globalization.CultureInfo.InvariantCulture), "赵", "西宁"];

    private enum Kind
    {
        /// <summary>An id of Y's: 404 or 403, nothing written.</summary>
        Denied,
        /// <summary>A list or figures: 2xx without any Y marker; <see cref="Row.Seeded"/>: the city's epidemiologist sees one there.</summary>
        Lists,
        /// <summary>Reads and writes nothing about persons (places, plans, the caller's own account): the reason says why.</summary>
        NotPersonal,
    }

    /// <param name="Seeded">Y has a record this probe can reach (so the probe is shown to bite); false: it can only show nothing leaks.</param>
    /// <param name="BatchField">A batch of ids answers an unknown one with 400 naming its field (as for an id that does not exist).</param>
    private sealed record Row(string Method, string Url, object? Body, Kind Kind, string Caller = "epi-x", bool Seeded = false, string? Reason = null, string? BatchField = null);

    private static Row Denied(string method, string url, object? body = null, string caller = "epi-x", bool seeded = true, string? batchField = null) =>
        new(method, url, body, Kind.Denied, caller, seeded, BatchField: batchField);
    private static Row Lists(string url, string caller = "epi-x", bool seeded = false) => new("GET", url, null, Kind.Lists, caller, seeded);
    private static Row Open(string method, string url, string reason) => new(method, url, null, Kind.NotPersonal, Reason: reason);

    private const string Places = "places, not people: venues, sites, hospitals and their capacity are public knowledge";
    private const string Own = "the caller's own account, code or check-in";
    private const string Gate = "a place's staff (gate, sampler, lab) work on whoever stands before them; their place confines them (ADR 0028)";
    private const string Staff = "staff accounts, administered by administrators: no resident's personal data; a district administrator's list and grants are its area's (SessionHostileTests)";
    private const string Teams = "staff teams and counts of the records their members wrote: no resident in them";
    private const string Suppliers = "suppliers, their districts and packs: businesses and goods, no person";
    private const string Passes = "the city's passes, issued city-wide by its pass officers for enterprises and transport companies; holders masked (ADR 0041)";
    private const string Institutions = "registering an institution (an organisation, no person); a district's officer registers only its own district's (InstitutionRegistry)";
    private const string Supervision = "supervision of places: gates, orders, inspections and disinfection name no resident; district accounts write and read their own district's (InspectionFlowTests, GateWatchFlowTests)";
    private const string Plans = "a round's or bulletin's plan and state, with no person in it";

    private static readonly Row[] Routes =
    [
        Open("GET", "/api/codes/public-keys", "public keys"),
        Open("GET", "/api/auth/me", Own),
        Open("POST", "/api/gate/check-in", Gate),
        Open("POST", "/api/gate/check-out", Gate),
        Open("GET", "/api/gate/occupancy", Gate),
        Open("GET", $"/api/venue-codes/{Scenario.HallId}", Places),
        Open("GET", $"/api/venue-codes/{Scenario.HallId}/poster.pdf", Places),
        Open("POST", $"/api/venue-codes/{Scenario.HallId}/revoke", Places),
        Open("GET", "/api/venue-codes/view", Own),
        Open("POST", "/api/venue-codes/scans", Own),
        Open("GET", "/api/codes/me", Own),
        Open("GET", "/api/codes/me/history", Own),
        Open("POST", "/api/codes/verify", "a code its holder presents; it names only what the holder shows"),
        Denied("GET", $"/api/codes/persons/{Scenario.DaveId}/history"),
        Denied("POST", "/api/codes/manual", new { personId = Scenario.DaveId, colour = "Yellow", reason = "jurisdiction probe" }),
        Lists("/api/codes/manual", caller: "admin-x", seeded: true),
        Denied("POST", "/api/tests", new { personId = Scenario.DaveId, sampledAt = "2026-11-19T08:00:00Z", outcome = "Negative" }, caller: "admin-x"),
        Open("GET", "/api/venues", Places),
        Open("GET", $"/api/venues/{Scenario.HallId}", Places),
        Open("GET", $"/api/venues/{Scenario.HallId}/occupancy", "how full a place is now, counted at its gate, as its door shows it"),
        Open("GET", $"/api/venues/{Scenario.HallId}/hourly", "entries per hour at a place, counted at its gate"),
        Open("POST", "/api/venues", Places),
        Open("GET", $"/api/venues/{Scenario.HallId}/devices", Places),
        Open("POST", $"/api/venues/{Scenario.OtherVenueId}/devices", Places),
        Open("PUT", $"/api/venues/{Scenario.OtherVenueId}", Places),
        Lists("/api/persons?q=赵", seeded: true),
        Open("POST", "/api/persons", "registers a person; reads no one (a duplicate number is refused whoever's area it is in)"),
        Denied("GET", $"/api/persons/{Scenario.DaveId}"),
        Open("GET", "/api/tracing/index", "the contact index's progress and size: counts, no person"),
        Denied("GET", $"/api/tracing/persons/{Scenario.DaveId}/trajectory?{W}"),
        Denied("GET", $"/api/tracing/persons/{Scenario.DaveId}/trajectory.csv?{W}"),
        Lists($"/api/tracing/venues/{Scenario.HallId}/log?{W}", seeded: true),
        Lists($"/api/tracing/venues/{Scenario.HallId}/log.csv?{W}", seeded: true),
        Lists("/api/audit/trace-accesses", caller: "admin-x"),
        Open("POST", "/api/testing/rounds", Plans),
        Open("GET", "/api/testing/rounds", Plans),
        Open("GET", "/api/testing/rounds/1", Plans),
        Open("POST", "/api/testing/rounds/1/open", Plans),
        Open("POST", "/api/testing/rounds/1/close", Plans),
        Open("GET", "/api/testing/rounds/1/sites", Places),
        Open("POST", "/api/testing/sites/1", Places),
        Lists("/api/testing/rounds/1/coverage"),
        Lists("/api/testing/rounds/1/missing?compoundId=2", seeded: true),
        Open("GET", "/api/testing/rounds/1/turnaround", "tubes' times from swab to result; no person"),
        Open("GET", "/api/testing/rounds/1/stuck-tubes", "tube barcodes and where they are; no person"),
        Open("GET", "/api/testing/rounds/1/efficiency", "samplers' output; no resident"),
        Lists("/api/testing/rounds/1/door-tasks", caller: "admin-x", seeded: true),
        Denied("POST", "/api/testing/rounds/1/door-tasks/from-missing", new { compoundId = 2 }, caller: "admin-x"),
        Denied("POST", "/api/testing/rounds/1/door-tasks/assign", new { taskIds = new[] { DoorTaskY }, team = "一队" }, caller: "admin-x"),
        Lists("/api/testing/rounds/1/resample-tasks", caller: "admin-x"),
        Open("POST", "/api/testing/tubes", Gate),
        Open("POST", "/api/testing/tubes/T00000000000/samples", Gate),
        Open("POST", "/api/testing/tubes/T00000000000/close", Gate),
        Open("GET", "/api/testing/tubes/T00000000000", "a tube by its barcode: its state and count, no names"),
        Open("POST", "/api/testing/boxes", Gate),
        Open("POST", "/api/testing/boxes/X00000000000/handovers", Gate),
        Open("GET", "/api/testing/boxes/X00000000000", "a box by its barcode: its tubes and custody, no names"),
        Open("POST", "/api/testing/lab/receipts", Gate),
        Open("POST", "/api/testing/lab/results", Gate),
        Open("POST", "/api/testing/lab/results/import", Gate),
        Open("GET", "/api/testing/me/slots", Own),
        Open("GET", "/api/testing/me/certificates", Own),
        Open("GET", "/api/testing/certificates/1", "a certificate its holder shows; signed, checked by anyone"),
        Open("GET", "/api/testing/certificates/1/pdf", "a certificate its holder shows; signed, checked by anyone"),
        Open("POST", "/api/testing/certificates/verify", "public verification of a printed certificate"),
        Lists("/api/cases", seeded: true),
        Denied("GET", $"/api/cases/{CaseY}"),
        Denied("POST", "/api/cases", new { personId = Scenario.DaveId, firstPositiveSampledAtUtc = "2026-11-19T00:00:00Z" }),
        Denied("PATCH", $"/api/cases/{CaseY}", new { status = "InHospital" }),
        Denied("GET", $"/api/cases/{CaseY}/events"),
        Denied("GET", $"/api/cases/{CaseY}/timeline"),
        Lists("/api/cases/chain/cases", seeded: true),
        Lists("/api/cases/chain", seeded: true),
        Denied("POST", $"/api/cases/{CaseY}/contacts/search"),
        Denied("POST", $"/api/cases/{CaseY}/contacts/search-secondary"),
        Lists($"/api/cases/{CaseX}/contacts", seeded: true),
        Denied("POST", $"/api/cases/{CaseY}/contacts/decide", new { ids = new[] { ContactY }, status = "Confirmed" }),
        Denied("POST", $"/api/cases/{CaseY}/contacts/release", new { ids = new[] { ContactY } }),
        Denied("POST", $"/api/cases/{CaseY}/contacts/quarantine", new { ids = new[] { ContactY }, siteId = 1 }),
        Denied("POST", $"/api/cases/{CaseY}/contacts/quarantine/preview", new { ids = new[] { ContactY }, siteId = 1 }),
        Denied("POST", $"/api/cases/{CaseY}/contacts/release/preview", new { ids = new[] { ContactY } }),
        Open("POST", "/api/quarantine/sites", Places),
        Open("GET", "/api/quarantine/sites", "sites with their rooms and occupancy counts (capacity planning, as the dashboard's beds)"),
        Denied("POST", $"/api/quarantine/stays/{StayY}/check-in", new { temperature = 36.5 }),
        Lists("/api/quarantine/alerts"),
        Lists("/api/quarantine/tests"),
        Denied("GET", $"/api/cases/{CaseY}/investigation"),
        Denied("POST", $"/api/cases/{CaseY}/places", new { place = "朋友家", from = "2026-11-18T10:00:00", to = "2026-11-18T12:00:00" }),
        Denied("DELETE", $"/api/cases/{CaseY}/places/1"),
        Denied("POST", $"/api/cases/{CaseY}/risk-windows", new { venueId = 1, from = "2026-11-18T10:00:00", to = "2026-11-18T12:00:00" }),
        Lists("/api/quarantine/transfers", seeded: true),
        Lists("/api/lists/cases", seeded: true),
        Lists("/api/lists/contacts?grade=Close", seeded: true),
        Lists("/api/lists/quarantine", seeded: true),
        Lists("/api/lists/tests"),
        // Exports: the job is confined to its requester when it runs (ExportRunner); JurisdictionExportTests reads the file.
        Open("POST", "/api/exports", "queues a job; the job reads through its requester's area (checked by the export test below)"),
        Open("GET", "/api/exports", Own),
        Open("GET", "/api/exports/1", Own),
        Open("GET", "/api/exports/1/file", Own),
        Open("POST", "/api/bulletins", "drafts the official bulletin for an area named in the request: published text, counts by place"),
        Open("GET", "/api/bulletins", Plans),
        Open("GET", "/api/bulletins/published", "published to the public"),
        Open("PATCH", "/api/bulletins/1", Plans),
        Open("POST", "/api/bulletins/1/publish", Plans),
        Open("GET", "/api/bulletins/1", "published to the public"),
        Open("GET", "/api/bulletins/1.pdf", "published to the public"),
        Denied("POST", $"/api/quarantine/transfers/{QTransferY}/dispatch", new { vehicle = "吉D12345" }),
        Denied("POST", $"/api/quarantine/transfers/{QTransferY}/arrive", new { }),
        Denied("POST", $"/api/quarantine/transfers/{QTransferY}/cancel", new { }),
        Open("POST", "/api/quarantine/me/check-in", Own),
        Open("POST", "/api/hospitals", Places),
        Open("GET", "/api/hospitals", "hospitals with their wards and bed counts (capacity planning)"),
        Lists("/api/hospitals/1"),
        Denied("GET", $"/api/hospitals/cases/{CaseY}"),
        Denied("POST", $"/api/hospitals/cases/{CaseY}/admit", new { hospitalId = 1 }),
        Denied("POST", $"/api/hospitals/cases/{CaseY}/move", new { hospitalId = 1 }),
        Denied("POST", $"/api/hospitals/cases/{CaseY}/discharge", new { }),
        Lists("/api/hospitals/transfers", seeded: true),
        Denied("POST", "/api/hospitals/transfers", new { caseIds = new[] { CaseY }, home = true }, batchField: "caseIds[0]"),
        Lists("/api/hospitals/transfer-batches"),
        Denied("POST", $"/api/hospitals/transfers/{CaseTransferY}/dispatch", new { vehicle = "吉D12345" }),
        Denied("POST", $"/api/hospitals/transfers/{CaseTransferY}/arrive", new { }),
        Denied("POST", $"/api/hospitals/transfers/{CaseTransferY}/cancel", new { }),
        Denied("POST", $"/api/hospitals/transfer-batches/{BatchY}/dispatch", new { vehicle = "吉D12345" }),
        Denied("POST", $"/api/hospitals/transfer-batches/{BatchY}/arrive", new { }),
        Denied("POST", $"/api/hospitals/transfer-batches/{BatchY}/cancel", new { }),
        // The district's own dashboard (its figures are district X's: JurisdictionFigureTests); another area's is refused.
        Denied("GET", $"/api/dashboard?level=District&area={Scenario.DistrictY}"),
        Denied("GET", $"/api/dashboard/charts/trend.svg?level=District&area={Scenario.DistrictY}"),
        Denied("POST", $"/api/codes/manual/{ManualY}/decision", new { approve = true }, caller: "admin-x"),
        Denied("POST", $"/api/codes/manual/{ManualY}/revoke", null, caller: "admin-x"),
        Lists("/api/zones", seeded: true),
        Denied("GET", $"/api/zones/{ZoneY}"),
        Open("POST", "/api/zones", "draws a zone over addresses the caller picks (the address tree is places); its residents' colours are derived city-wide"),
        Denied("POST", $"/api/zones/from-case/{CaseY}"),
        Denied("POST", $"/api/zones/{ZoneY}/confirm", new { }),
        Denied("POST", $"/api/zones/{ZoneY}/dismiss", new { }),
        Denied("POST", $"/api/zones/{ZoneY}/extend", new { members = new[] { new { kind = "Compound", id = 2 } } }),
        Denied("POST", $"/api/zones/{ZoneY}/request", new { step = "Lift" }),
        Denied("POST", $"/api/zones/{ZoneY}/approve"),
        Denied("POST", $"/api/zones/{ZoneY}/reject", new { }),
        Open("POST", "/api/zones/review", "the daily review of every zone by rule (the city's housekeeping), not a read"),
        Open("GET", "/api/zones/addresses?q=小区", "the address tree: places, not people"),
        Open("GET", "/api/zones/addresses/compounds/2", "the address tree: places, not people"),
        Lists("/api/zones/map.svg"),
        Lists("/api/community/me"),
        Lists("/api/community/grids"),
        Lists($"/api/community/grids/{Scenario.GridId}/households"),
        Denied("GET", $"/api/community/households/{Scenario.DaveHouseholdId}", seeded: false),
        Denied("POST", $"/api/community/households/{Scenario.DaveHouseholdId}/screenings", new { outcome = "Refused" }, caller: "admin-x", seeded: false),
        Lists("/api/community/problems", seeded: true),
        Denied("POST", "/api/community/problems", new { category = "Supplies", text = "辖区测试", householdId = Scenario.DaveHouseholdId }, caller: "admin-x", seeded: false),
        Denied("GET", $"/api/community/problems/{ProblemY}"),
        Denied("POST", $"/api/community/problems/{ProblemY}/answer", new { answer = "已安排" }, caller: "admin-x"),
        Lists("/api/community/special-groups", seeded: true),
        Lists("/api/community/special-groups.xlsx"),
        Denied("POST", "/api/community/special-groups", new { personId = Scenario.DaveId, group = "Bedridden", responsibleName = "王丽" }, caller: "admin-x"),
        Denied("POST", $"/api/community/special-groups/{SpecialY}/end", null, caller: "admin-x"),
        // Issue 18's accounts, audit, keys, appeals and teams.
        Open("POST", "/api/auth/register", Own),
        Open("POST", "/api/auth/binding", Own),
        Open("POST", "/api/auth/password", Own),
        Open("POST", "/api/auth/totp", Own),
        Open("POST", "/api/auth/totp/enrolment", Own),
        Open("POST", "/api/auth/totp/enrolment/confirm", Own),
        Open("GET", "/api/me/access", Own),
        Open("GET", "/api/appeals/me", Own),
        Open("POST", "/api/appeals/me", Own),
        Open("GET", "/api/appeals/me/1/files/1", Own),
        Open("GET", "/api/accounts", Staff),
        Open("POST", "/api/accounts", Staff),
        Open("POST", "/api/accounts/import", Staff),
        Open("PUT", "/api/accounts/1", Staff),
        Open("POST", "/api/accounts/1/disable", Staff),
        Open("POST", "/api/accounts/1/enable", Staff),
        Open("POST", "/api/accounts/1/reset", Staff),
        Open("POST", "/api/accounts/1/unbind", Staff),
        Open("POST", "/api/codes/keys/rotate", "the platform's signing keys, no person in them"),
        Open("GET", "/api/audit/verify", "the audit chain's state: counts and hashes, no person"),
        Lists("/api/audit/entries", caller: "admin-x"),
        Lists("/api/audit/entries.xlsx", caller: "admin-x"),
        Lists("/api/audit/alarms", caller: "admin-x"),
        Lists("/api/appeals", seeded: true),
        Lists("/api/appeals/bulk"),
        Denied("GET", $"/api/appeals/{AppealY}"),
        Denied("GET", $"/api/appeals/{AppealY}/files/{AppealFileY}"),
        Denied("POST", $"/api/appeals/{AppealY}/uphold", new { reason = "jurisdiction probe" }),
        Denied("POST", $"/api/appeals/{AppealY}/refuse", new { reason = "jurisdiction probe" }),
        Denied("POST", $"/api/appeals/{AppealY}/decision", new { approve = true }, caller: "admin-x"),
        Denied("GET", $"/api/appeals/bulk/{BulkY}"),
        Denied("POST", $"/api/appeals/bulk/{BulkY}/request", new { }),
        Denied("POST", $"/api/appeals/bulk/{BulkY}/decision", new { approve = true }, caller: "admin-x"),
        Open("POST", "/api/appeals/bulk", "an employer's own list of staff ID numbers, each checked against the employer's request"),
        Lists("/api/requests", seeded: true),
        Lists("/api/lists/tickets", seeded: true),
        Lists("/api/lists/venue-scans", seeded: true),
        Lists("/api/requests/callers?phone=13800000005", caller: "admin-x", seeded: true),
        Denied("GET", $"/api/requests/{TicketY}"),
        Denied("POST", $"/api/requests/{TicketY}/assign", new { assignedTo = "探针" }),
        Denied("POST", $"/api/requests/{TicketY}/handle", new { note = "jurisdiction probe" }),
        Denied("POST", $"/api/requests/{TicketY}/resolve", new { answer = "jurisdiction probe" }),
        Denied("POST", $"/api/requests/{TicketY}/escalate", new { reason = "jurisdiction probe" }),
        Denied("POST", $"/api/requests/{TicketY}/transport", new { step = "VehicleSent" }),
        Denied("POST", "/api/requests", new { idempotencyKey = "jurisdiction-1", category = "Medicine", text = "探针诉求内容", callerPhone = "13800000005", personId = Scenario.DaveId }, caller: "admin-x"),
        Denied("POST", "/api/requests/platform", new { idempotencyKey = "jurisdiction-2", category = "Medicine", text = "探针诉求内容", platform = "probe", personId = Scenario.DaveId }, caller: "admin-x"),
        Open("POST", "/api/requests/import", "a platform's file: a phone finds a household only within the importer's area (the area filter); the report names lines, not persons"),
        Open("POST", "/api/requests/me", Own),
        Open("GET", "/api/requests/me", Own),
        Open("POST", "/api/requests/me/1/reopen", Own),
        // Returnees (issue 21): Dave is registered where he stays, in 西安区; other regions' risk areas are places.
        Open("GET", "/api/returnees/risk-areas", Places),
        Open("POST", "/api/returnees/risk-areas", Places),
        Open("POST", "/api/returnees/risk-areas/1/end", Places),
        Open("POST", "/api/returnees/risk-areas/import", Places),
        Open("POST", "/api/returnees/me", Own),
        Open("GET", "/api/returnees/me", Own),
        Open("POST", "/api/returnees/me/1/check-in", Own),
        Lists("/api/returnees", seeded: true),
        Lists("/api/returnees/follow-up", seeded: true),
        Lists("/api/lists/returnees", seeded: true),
        Denied("GET", $"/api/returnees/{ReturneeY}"),
        Denied("POST", $"/api/returnees/{ReturneeY}/follow-up", new { reached = true }, caller: "admin-x"),
        Denied("POST", $"/api/returnees/{ReturneeY}/place", new { }),
        Denied("POST", "/api/returnees/review", new { ids = new[] { ReturneeY } }, caller: "admin-x"),
        Denied("POST", "/api/returnees", new { idempotencyKey = "jurisdiction-3", householdId = Scenario.DaveHouseholdId, personId = Scenario.DaveId, origin = "长春市", leftOn = "2026-11-18", travel = "Car" }, caller: "admin-x"),
        Open("GET", "/api/teams", Teams),
        Open("POST", "/api/teams", Teams),
        Open("GET", "/api/teams/deployment", Teams),
        Open("GET", "/api/teams/1", Teams),
        Open("GET", "/api/teams/1/output", Teams),
        Open("GET", "/api/teams/1/shifts", Teams),
        Open("POST", "/api/teams/1/members", Teams),
        Open("DELETE", "/api/teams/1/members/1", Teams),
        Open("POST", "/api/teams/1/leader", Teams),
        Open("POST", "/api/teams/1/disband", Teams),
        Open("POST", "/api/teams/1/shifts", Teams),
        Open("DELETE", "/api/teams/1/shifts/1", Teams),
        Denied("GET", $"/api/supplies/catalogue?householdId={Scenario.DaveHouseholdId}", caller: "admin-x", seeded: false),
        Open("GET", "/api/supplies/suppliers", Suppliers),
        Open("POST", "/api/supplies/suppliers", Suppliers),
        Open("POST", "/api/supplies/suppliers/1/packs", Suppliers),
        Open("POST", "/api/supplies/suppliers/1/accounts", Suppliers),
        Denied("POST", "/api/supplies/orders", new { householdId = Scenario.DaveHouseholdId, items = new[] { new { packId = PackY, quantity = 1 } }, idempotencyKey = "jurisdiction-1" },
            caller: "admin-x", seeded: false),
        Open("GET", "/api/supplies/me/orders", Own),
        Denied("GET", $"/api/supplies/orders/{OrderY}"),
        Denied("GET", $"/api/supplies/orders/{OrderY}/photo", seeded: false),
        Open("GET", "/api/supplies/queue", "a supplier's own queue: a supplier account is confined to its supplier's orders"),
        Open("POST", "/api/supplies/queue/step", "a supplier's own orders: a supplier account is confined to its supplier's orders"),
        Lists("/api/supplies/run", seeded: true),
        Denied("POST", "/api/supplies/run/gate", new { orderIds = new[] { OrderY } }, caller: "admin-x", batchField: "orderIds"),
        Denied("POST", $"/api/supplies/orders/{OrderY}/delivered", new { proof = "ResidentConfirmed" }, caller: "admin-x"),
        Open("POST", "/api/supplies/me/orders/1/received", Own),
        Denied("POST", $"/api/supplies/orders/{OrderY}/close", new { to = "Failed", reason = "辖区测试" }, caller: "admin-x"),
        Lists("/api/supplies/overdue", seeded: true),
        Lists("/api/supplies/no-orders"),
        Denied("POST", "/api/supplies/distributions", new { zoneId = ZoneY, packId = PackY, packsPerHousehold = 1 }, caller: "admin-x"),
        Lists("/api/supplies/orders", seeded: true),
        Lists("/api/supplies/orders.csv", seeded: true),
        // Checkpoints are their district's (ADR 0040): another district's checkpoint or check is not found, lists and counts show none of it.
        Lists("/api/checkpoints", seeded: true),
        Open("POST", "/api/checkpoints", Places),
        Denied("GET", $"/api/checkpoints/{CheckpointY}"),
        Denied("GET", $"/api/checkpoints/{CheckpointY}/roster"),
        Denied("POST", $"/api/checkpoints/{CheckpointY}/roster", new { day = "2026-11-20", shift = 1, userNames = new[] { "checkpoint" } }, caller: "admin-x", seeded: false),
        Open("POST", "/api/checkpoints/vehicles", "checkpoint staff check whoever stops; their district or duty roster confines them (ADR 0040)"),
        Lists("/api/checkpoints/checks", seeded: true),
        Lists("/api/checkpoints/checks.csv", seeded: true),
        Denied("GET", $"/api/checkpoints/checks/{VehicleCheckY}"),
        Lists("/api/checkpoints/shifts", seeded: true),
        // Passes are the city's documents, issued by its pass officers for enterprises and transport companies (ADR 0041).
        Open("POST", "/api/passes", Passes),
        Open("GET", "/api/passes", Passes),
        Open("GET", "/api/passes/export.csv", Passes),
        Open("GET", "/api/passes/1", Passes),
        Open("GET", "/api/passes/1/pdf", Passes),
        Open("POST", "/api/passes/decisions", Passes),
        Open("POST", "/api/passes/1/withdraw", Passes),
        Open("POST", "/api/passes/verify", "a pass its holder presents; it names only what the pass shows"),
        Open("GET", "/api/passes/revocations", "pass numbers only, no person"),
        Open("GET", "/api/passes/me", Own),
        Open("GET", "/api/passes/me/1/pdf", Own),
        Open("POST", "/api/institutions", Institutions),
        Open("POST", "/api/institutions/import", Institutions),
        Lists("/api/institutions", caller: "admin-x"),
        Lists("/api/institutions/export.csv", caller: "admin-x"),
        Lists("/api/institutions/overview", caller: "admin-x"),
        Lists("/api/institutions/missing", caller: "admin-x"),
        Lists("/api/institutions/fevers", caller: "admin-x"),
        Denied("GET", "/api/institutions/referrals/1/contacts", seeded: false),
        Open("GET", "/api/institutions/mine", "the institution reporter's own institution, and only it (ReporterScope)"),
        Open("POST", "/api/institutions/me/report", Own),
        Denied("GET", "/api/institutions/1", caller: "admin-x", seeded: false),
        Denied("POST", "/api/institutions/1/members/import", caller: "admin-x", seeded: false),
        Denied("GET", "/api/institutions/1/roster?unit=1", caller: "admin-x", seeded: false),
        Denied("POST", "/api/institutions/1/reports", new { idempotencyKey = "jurisdiction-probe-1", unit = "1", zero = true }, caller: "admin-x", seeded: false),
        Denied("POST", "/api/institutions/1/closure", new { closed = true }, caller: "admin-x", seeded: false),
        Denied("GET", "/api/institutions/1/shifts", caller: "admin-x", seeded: false),
        Denied("POST", "/api/institutions/1/shifts", new { personId = 1 }, caller: "admin-x", seeded: false),
        Denied("POST", "/api/institutions/1/shifts/1/tests", new { antigen = true }, caller: "admin-x", seeded: false),
        // Supervision (issue 24): places, orders and inspections carry their district; a district's reads are its own (area filter).
        Lists("/api/supervision/gate-alerts"),
        Lists("/api/supervision/gate-alerts/by-district"),
        Denied("GET", "/api/supervision/gate-alerts/880050", seeded: false),
        Lists("/api/supervision/closures"),
        Lists("/api/supervision/closures/venues"),
        Denied("GET", "/api/supervision/closures/880051", seeded: false),
        Open("POST", "/api/supervision/closures", Supervision),
        Denied("POST", "/api/supervision/closures/880051/reopen", new { number = "1号", from = "2026-11-20T02:00:00Z", text = "恢复", authority = "指挥部" }, caller: "admin-x", seeded: false),
        Lists("/api/supervision/plans"),
        Open("POST", "/api/supervision/plans", Supervision),
        Open("POST", "/api/supervision/inspections", Supervision),
        Denied("GET", "/api/supervision/inspections/880052", seeded: false),
        Lists("/api/supervision/findings"),
        Lists("/api/supervision/findings.csv"),
        Denied("GET", "/api/supervision/findings/880053/photo", seeded: false),
        Denied("POST", "/api/supervision/findings/880053/answer", new { answer = "已整改" }, caller: "admin-x", seeded: false),
        Open("POST", "/api/supervision/findings/880053/confirm", Supervision),
        Lists("/api/supervision/figures"),
        Open("POST", $"/api/supervision/venues/{Scenario.HallId}/disinfections", Supervision),
        Open("GET", $"/api/supervision/venues/{Scenario.HallId}/disinfections", Supervision),
        Lists("/api/supervision/disinfection-alerts"),
    ];

    // Signing in and out, and the API reference (as RouteCoverageTests).
    private static readonly string[] Exempt = ["/api/auth/login", "/api/auth/logout", "/api/docs"];

    [Fact]
    public async Task Every_api_route_is_declared_scoped_with_a_probe_or_not_personal_with_a_reason()
    {
        await using var host = await ApiHost.StartAsync(provider);
        var routes = host.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Method: m, Pattern: e.RoutePattern.RawText ?? "")))
            .Where(r => r.Pattern.StartsWith("/api/", StringComparison.Ordinal) && !Exempt.Any(x => r.Pattern.StartsWith(x, StringComparison.Ordinal)))
            .Distinct().ToList();
        var undeclared = routes.Where(r => !Routes.Any(row => row.Method == r.Method && RouteRows.Matches(r.Pattern, row.Url)))
            .Select(r => $"{r.Method} {r.Pattern}").Order().ToList();
        Assert.True(undeclared.Count == 0, "Declare in JurisdictionRouteTests, scoped with a probe or not personal with a reason:\n" + string.Join("\n", undeclared));
        var stale = Routes.Where(row => !routes.Any(r => r.Method == row.Method && RouteRows.Matches(r.Pattern, row.Url))).Select(r => $"{r.Method} {r.Url}").ToList();
        Assert.True(stale.Count == 0, "No such route:\n" + string.Join("\n", stale));
        Assert.All(Routes.Where(r => r.Kind == Kind.NotPersonal), r => Assert.False(string.IsNullOrWhiteSpace(r.Reason)));
    }

    [Fact]
    public async Task A_district_officer_reaches_no_record_of_another_district_on_any_route()
    {
        await using var host = await ApiHost.StartAsync(provider, s => s.TwoDistricts = true);
        await SeedAsync(host);
        var clients = new Dictionary<string, HttpClient>();
        foreach (var c in new[] { "epi", "admin", "epi-x", "admin-x" }) clients[c] = await host.LoginAsync(c);

        var wrong = new List<string>();
        foreach (var row in Routes.Where(r => r.Kind != Kind.NotPersonal))
        {
            var r = await SendAsync(clients[row.Caller], row);
            var text = await r.Content.ReadAsStringAsync();
            var batchRefused = row.BatchField is { } field && r.StatusCode == HttpStatusCode.BadRequest && text.Contains($"\"{field}\"", StringComparison.Ordinal);
            if (row.Kind == Kind.Denied && r.StatusCode is not (HttpStatusCode.NotFound or HttpStatusCode.Forbidden) && !batchRefused)
                wrong.Add($"{row.Method} {row.Url} as {row.Caller}: {(int)r.StatusCode}, expected 404 or 403");
            if (row.Kind == Kind.Lists)
            {
                // A list under a parent the scenario does not hold (round 1, hospital 1) is "not found" for every caller.
                if (!row.Seeded && r.StatusCode == HttpStatusCode.NotFound) continue;
                if (!r.IsSuccessStatusCode) wrong.Add($"{row.Method} {row.Url} as {row.Caller}: {(int)r.StatusCode}");
                else if (Markers.FirstOrDefault(m => text.Contains(m, StringComparison.Ordinal)) is { } leak)
                    wrong.Add($"{row.Method} {row.Url} as {row.Caller}: shows '{leak}' of the other district");
            }
            // The probe bites: the whole city's account reaches the same record or sees it in the same list.
            if (row.Seeded && row.Method == "GET")
            {
                var city = row.Caller == "admin-x" ? "admin" : "epi";
                var c = await SendAsync(clients[city], row);
                var ctext = await c.Content.ReadAsStringAsync();
                if (!c.IsSuccessStatusCode) wrong.Add($"{row.Method} {row.Url} as {city}: {(int)c.StatusCode}, the probe reaches nothing");
                else if (row.Kind == Kind.Lists && !Markers.Any(m => ctext.Contains(m, StringComparison.Ordinal)))
                    wrong.Add($"{row.Method} {row.Url} as {city}: the other district's record is not in the list, the probe cannot fail");
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));

        // Lists whose rows name no person (batches, bulk unlocks) count none of Y's: the city counts them.
        foreach (var url in new[] { "/api/hospitals/transfer-batches", "/api/appeals/bulk", "/api/appeals", "/api/quarantine/transfers", "/api/hospitals/transfers" })
        {
            Assert.Equal(0, Total(await clients["epi-x"].GetStringAsync(url)));
            Assert.Equal(1, Total(await clients["epi"].GetStringAsync(url)));
        }
        Assert.Equal(0, Total(await clients["admin-x"].GetStringAsync("/api/testing/rounds/1/door-tasks")));

        // Nothing was written about Y's person by the refused writes.
        await using var db = host.Db();
        Assert.Equal(1, db.Cases.Count(c => c.PersonId == Scenario.DaveId));
        Assert.Equal(Fangkong.Core.Codes.ManualCodeStatus.Pending, db.ManualCodeRequests.Single(m => m.PersonId == Scenario.DaveId).Status);
        Assert.False(db.TestResults.Any(t => t.PersonId == Scenario.DaveId));
        Assert.Equal(Fangkong.Domain.Common.TransferState.Requested, db.QuarantineTransfers.Single(t => t.Id == QTransferY).State);
        Assert.Equal(Fangkong.Domain.Common.TransferState.Requested, db.CaseTransfers.Single(t => t.Id == CaseTransferY).State);
        Assert.Null(db.DoorTasks.Single(t => t.Id == DoorTaskY).Team);
        Assert.Single(db.DoorTasks);
        Assert.Equal(Fangkong.Domain.Community.ProblemState.Open, db.CommunityProblems.Single(p => p.Id == ProblemY).State);
        Assert.Null(db.SpecialGroupMembers.Single(m => m.Id == SpecialY).EndedAtUtc);
        Assert.Equal(Fangkong.Core.Appeals.AppealState.Open, db.Appeals.Single(a => a.Id == AppealY).State);
        Assert.Equal(Fangkong.Core.Appeals.BulkUnlockState.Submitted, db.BulkUnlocks.Single(b => b.Id == BulkY).State);
        Assert.Equal(Fangkong.Domain.Supplies.OrderState.Accepted, db.SupplyOrders.Single(o => o.Id == OrderY).State);
        Assert.Equal(1, db.SupplyOrders.Count());
        var ticket = db.Tickets.Single(t => t.Id == TicketY);
        Assert.Equal((Fangkong.Domain.Requests.TicketState.Received, 0), (ticket.State, ticket.TransportDone));
        Assert.Single(db.Tickets);
        var returnee = db.Returnees.Single();
        Assert.Equal((ReturneeY, Fangkong.Domain.Travel.ReturneeState.UnderMeasure, true), (returnee.Id, returnee.State, returnee.PlacementPending));
        Assert.Empty(db.ReturneeFollowUps);
    }

    [Fact]
    public async Task Each_district_sees_its_own_and_the_city_sees_both()
    {
        await using var host = await ApiHost.StartAsync(provider, s => s.TwoDistricts = true);
        await SeedAsync(host);
        async Task<string> CasesAs(string user) => await (await host.LoginAsync(user)).GetStringAsync("/api/lists/cases");
        var x = await CasesAs("epi-x");
        var y = await CasesAs("epi-y");
        var city = await CasesAs("epi");
        Assert.Contains($"\"personId\":{Scenario.ErinId}", x);
        Assert.DoesNotContain($"\"personId\":{Scenario.DaveId}", x);
        Assert.Contains($"\"personId\":{Scenario.DaveId}", y);
        Assert.DoesNotContain($"\"personId\":{Scenario.ErinId}", y);
        Assert.Contains($"\"personId\":{Scenario.DaveId}", city);
        Assert.Contains($"\"personId\":{Scenario.ErinId}", city);
        // Y's epidemiologist opens Dave, not Erin; X's administrator Erin, not Dave.
        var epiY = await host.LoginAsync("epi-y");
        Assert.Equal(HttpStatusCode.OK, (await epiY.GetAsync($"/api/persons/{Scenario.DaveId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await epiY.GetAsync($"/api/persons/{Scenario.ErinId}")).StatusCode);
        var adminX = await host.LoginAsync("admin-x");
        Assert.Equal(HttpStatusCode.OK, (await adminX.GetAsync($"/api/persons/{Scenario.ErinId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await adminX.GetAsync($"/api/persons/{Scenario.DaveId}")).StatusCode);
        // The pages say whose area they show; the city's pages carry no chip.
        var search = WebUtility.HtmlDecode(await (await host.LoginAsync("epi-x")).GetStringAsync("/search?q=钱"));
        Assert.Contains("data-testid=\"area-chip\"", search);
        Assert.Contains("辖区：龙山区", search);
        Assert.DoesNotContain("data-testid=\"area-chip\"", await (await host.LoginAsync("epi")).GetStringAsync("/search?q=钱"));
        Assert.Equal(HttpStatusCode.NotFound, (await (await host.LoginAsync("epi-x")).GetAsync($"/persons/{Scenario.DaveId}")).StatusCode);
    }

    [Fact]
    public async Task A_district_dashboard_counts_its_district_and_equals_its_line_list()
    {
        await using var host = await ApiHost.StartAsync(provider, s => s.TwoDistricts = true);
        await SeedAsync(host);
        foreach (var user in new[] { "epi-x", "command-x" })
        {
            var client = await host.LoginAsync(user);
            var snapshot = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/dashboard?fresh=true", ApiJson.Options);
            Assert.Equal(Scenario.DistrictX, snapshot.GetProperty("areaCode").GetString());
        }
        var epiX = await host.LoginAsync("epi-x");
        var list = await epiX.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/lists/cases", ApiJson.Options);
        var rows = list.GetProperty("items").EnumerateArray().ToList();
        Assert.Single(rows);
        Assert.Equal(Scenario.ErinId, rows[0].GetProperty("personId").GetInt64());
    }

    [Fact]
    public async Task An_export_holds_only_its_requesters_district()
    {
        await using var host = await ApiHost.StartAsync(provider, s => s.TwoDistricts = true);
        await SeedAsync(host);
        async Task<string> ExportAs(string user, string list)
        {
            var client = await host.LoginAsync(user);
            var accepted = await client.PostAsJsonAsync("/api/exports", new { list, format = "csv", reveal = true, purpose = "jurisdiction test" });
            Assert.True(accepted.StatusCode == HttpStatusCode.Accepted, await accepted.Content.ReadAsStringAsync());
            await Exports.ExportJobPoll.WaitAsync(client, accepted.Headers.Location!.ToString());
            return await client.GetStringAsync(accepted.Headers.Location + "/file");
        }
        foreach (var list in new[] { "cases", "contacts", "quarantine" })
        {
            var city = await ExportAs("epi", list);
            Assert.Contains("赵西安", city);
            var x = await ExportAs("epi-x", list);
            Assert.DoesNotContain("赵西安", x);
            Assert.DoesNotContain(Scenario.DaveId.ToString(System.Globalization.CultureInfo.InvariantCulture), x);
        }
        Assert.Contains("钱龙山", await ExportAs("epi-x", "cases"));
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, Row row) => row.Method switch
    {
        "GET" => client.GetAsync(row.Url),
        "PATCH" => client.PatchAsJsonAsync(row.Url, row.Body),
        "DELETE" => client.DeleteAsync(row.Url),
        "PUT" => client.PutAsJsonAsync(row.Url, row.Body),
        _ => client.PostAsJsonAsync(row.Url, row.Body),
    };

    /// <summary>Y's records about Dave (a case, a contact of X's case, a stay, a visit, a zone) and X's case of Erin.</summary>
    private static async Task SeedAsync(ApiHost host)
    {
        var at = new DateTime(2026, 11, 19, 2, 0, 0, DateTimeKind.Utc);
        await using var db = host.Db();
        db.Cases.Add(new CaseRecord { Id = CaseY, PersonId = Scenario.DaveId, FoundBy = CaseFoundBy.FeverClinic, FirstPositiveSampledAtUtc = at, ReportedAtUtc = at, Class = CaseClass.Mild, DistrictCode = Scenario.DistrictY });
        db.Cases.Add(new CaseRecord { Id = CaseX, PersonId = Scenario.ErinId, FoundBy = CaseFoundBy.FeverClinic, FirstPositiveSampledAtUtc = at, ReportedAtUtc = at, Class = CaseClass.Mild, DistrictCode = Scenario.DistrictX });
        db.ContactProposals.Add(new ContactProposal
        {
            Id = ContactY,
            CaseId = CaseX,
            PersonId = Scenario.DaveId,
            Grade = ContactGrade.Close,
            Kind = ContactKind.SharedVisit,
            VenueId = Scenario.HallId,
            FirstExposureUtc = at,
            Status = ProposalStatus.Confirmed,
            ProposedAtUtc = at,
            DecidedAtUtc = at,
        });
        db.QuarantineStays.Add(new QuarantineStay
        {
            Id = StayY,
            PersonId = Scenario.DaveId,
            CaseId = CaseX,
            ContactId = ContactY,
            Role = ContactRole.CloseContact,
            Place = QuarantinePlace.Home,
            Day1 = new DateOnly(2026, 11, 19),
            ReleaseDate = new DateOnly(2026, 11, 26),
            State = QuarantineState.InQuarantine,
            CreatedAtUtc = at,
        });
        db.Visits.Add(new Visit { Id = VisitY, PersonId = Scenario.DaveId, VenueId = Scenario.HallId, EnteredAtUtc = at, ExitedAtUtc = at.AddHours(1), Method = EntryMethod.IdCard });
        // Dave's own scan of the hall's venue code (ADR 0038): the venue-scan list reads it through him, so X sees none of it.
        db.GateEvents.Add(new GateEvent
        {
            Id = VisitY + 1,
            DeviceId = Scenario.DeviceId,
            IdempotencyKey = "jurisdiction-venue-scan",
            VenueId = Scenario.HallId,
            PersonId = Scenario.DaveId,
            Direction = GateDirection.In,
            Method = EntryMethod.VenueCode,
            AtUtc = at,
            Outcome = Fangkong.Domain.Gate.GateOutcome.Admit,
            PolicyVersion = "test",
        });
        db.Zones.Add(new Zone
        {
            Id = ZoneY,
            Name = "西宁小区封控区",
            Level = ZoneLevel.Sealed,
            DistrictCode = Scenario.DistrictY,
            State = ZoneState.Active,
            ProposedAtUtc = at,
            StartedAtUtc = at,
            LevelSince = new DateOnly(2026, 11, 19),
            ReasonKey = "Zones.Reason.Officer",
            ReasonArgs = ["辖区测试"],
            PolicyVersion = "test",
            Households = 1,
            Residents = 1,
        });
        db.ZoneHouseholds.Add(new ZoneHousehold { ZoneId = ZoneY, HouseholdId = Scenario.DaveHouseholdId, CompoundId = 2 });
        db.Suppliers.Add(new Fangkong.Core.Supplies.Supplier { Id = SupplierY, Name = "西安区粮油店", Kind = Fangkong.Domain.Supplies.SupplierKind.WholesaleMarket, CreatedAtUtc = at });
        db.SupplierAreas.Add(new Fangkong.Core.Supplies.SupplierArea { SupplierId = SupplierY, DistrictCode = Scenario.DistrictY });
        db.SupplyPacks.Add(new Fangkong.Core.Supplies.SupplyPack { Id = PackY, SupplierId = SupplierY, Name = "大米", Kind = Fangkong.Domain.Supplies.PackKind.Rice, WeightKg = 10, Price = 50, DailyStock = 10 });
        db.SupplyOrders.Add(new Fangkong.Core.Supplies.SupplyOrder
        {
            Id = OrderY,
            HouseholdId = Scenario.DaveHouseholdId,
            DistrictCode = Scenario.DistrictY,
            CommunityId = 2,
            SupplierId = SupplierY,
            Route = Fangkong.Domain.Supplies.DeliveryRoute.CompoundGate,
            Channel = Fangkong.Domain.Supplies.OrderChannel.Resident,
            State = Fangkong.Domain.Supplies.OrderState.Accepted,
            Packs = 1,
            WeightKg = 10,
            Amount = 50,
            PlacedAtUtc = at,
            DueAtUtc = at.AddHours(12),
            AcceptedAtUtc = at,
            PlacedByUserId = 6,
            PlacedByName = "赵西安",
        });
        db.SupplyOrderLines.Add(new Fangkong.Core.Supplies.SupplyOrderLine { OrderId = OrderY, PackId = PackY, Quantity = 1, WeightKg = 10, Price = 50 });
        db.Checkpoints.Add(new Fangkong.Core.Checkpoints.Checkpoint { Id = CheckpointY, Name = "西宁村卡口", Kind = Fangkong.Domain.Checkpoints.CheckpointKind.Village, DistrictCode = Scenario.DistrictY, Location = "西宁路", CreatedAtUtc = at });
        db.VehicleChecks.Add(new Fangkong.Core.Checkpoints.VehicleCheck
        {
            Id = VehicleCheckY,
            CheckpointId = CheckpointY,
            DistrictCode = Scenario.DistrictY,
            AtUtc = at,
            ShiftDay = new DateOnly(2026, 11, 19),
            Shift = 1,
            Plate = "吉D88888",
            Kind = Fangkong.Domain.Checkpoints.VehicleKind.Car,
            Origin = "长春",
            Destination = "西宁社区",
            People = 1,
            CheckedByUserId = 1,
            SourceKey = "k:1:jurisdiction-y",
            Verdict = Fangkong.Domain.Checkpoints.CheckVerdict.Pass,
        });
        db.PassengerChecks.Add(new Fangkong.Core.Checkpoints.PassengerCheck
        {
            Id = VehicleCheckY + 1,
            VehicleCheckId = VehicleCheckY,
            CheckpointId = CheckpointY,
            DistrictCode = Scenario.DistrictY,
            AtUtc = at,
            Seat = 1,
            PersonId = Scenario.DaveId,
            Name = "赵西安",
            PolicyVersion = "probe",
            Reasons = "",
            Verdict = Fangkong.Domain.Checkpoints.CheckVerdict.Pass,
            BoundForCity = true,
        });
        await db.SaveChangesAsync();
        await SeedQueuesAsync(db, at);
    }

    /// <summary>
    /// Y's records in the queues, transfers and tasks (Dave's), so every probe of them has something to hide: a manual
    /// colour awaiting its second officer, a quarantine transfer, a case transfer in a batch, a round with Dave on its
    /// roster and a door task at his home, a problem raised in his community, his special-group registration, an appeal
    /// with a file, and an employer's bulk unlock naming him.
    /// </summary>
    private static async Task SeedQueuesAsync(FangkongDb db, DateTime at)
    {
        db.ManualCodeRequests.Add(new Fangkong.Core.Codes.ManualCodeRequest
        {
            Id = ManualY,
            PersonId = Scenario.DaveId,
            Colour = Fangkong.Domain.Codes.CodeColour.Yellow,
            Reason = "辖区测试",
            RequestedByUserId = 3,
            RequestedAtUtc = at,
            Status = Fangkong.Core.Codes.ManualCodeStatus.Pending
        });
        db.QuarantineTransfers.Add(new QuarantineTransfer
        {
            Id = QTransferY,
            StayId = StayY,
            PersonId = Scenario.DaveId,
            State = Fangkong.Domain.Common.TransferState.Requested,
            DueDate = new DateOnly(2026, 11, 20),
            RequestedAtUtc = at
        });
        db.CaseTransferBatches.Add(new Fangkong.Core.Hospitals.CaseTransferBatch
        {
            Id = BatchY,
            Kind = Fangkong.Domain.Hospitals.CaseTransferKind.ReturnHome,
            DueDate = new DateOnly(2026, 11, 20),
            Persons = 1,
            RequestedAtUtc = at,
            ByUserId = 3
        });
        db.CaseTransfers.Add(new Fangkong.Core.Hospitals.CaseTransfer
        {
            Id = CaseTransferY,
            BatchId = BatchY,
            CaseId = CaseY,
            PersonId = Scenario.DaveId,
            Kind = Fangkong.Domain.Hospitals.CaseTransferKind.ReturnHome,
            FromDistrictCode = Scenario.DistrictY,
            ToDistrictCode = Scenario.DistrictY,
            State = Fangkong.Domain.Common.TransferState.Requested,
            DueDate = new DateOnly(2026, 11, 20),
            RequestedAtUtc = at
        });
        db.TestingRounds.Add(new Fangkong.Core.Testing.TestingRound
        {
            Id = RoundY,
            Name = "辖区测试轮",
            Scope = Fangkong.Core.Testing.RoundScope.City,
            AreaIds = "",
            StartUtc = at,
            DeadlineUtc = at.AddDays(1),
            PoolSize = 10,
            WaveMinutes = 30,
            Status = Fangkong.Core.Testing.RoundStatus.Open,
            Residents = 1,
            PlannedFinishUtc = at.AddHours(8),
            CreatedAtUtc = at,
            CreatedByUserId = 1
        });
        db.SamplingSites.Add(new Fangkong.Core.Testing.SamplingSite { Id = SiteY, RoundId = RoundY, Name = "富国采样点", CommunityId = 2, Tables = 1, SwabsPerTablePerHour = 60 });
        db.SiteCompounds.Add(new Fangkong.Core.Testing.SiteCompound { RoundId = RoundY, CompoundId = 2, SiteId = SiteY });
        db.RoundResidents.Add(new Fangkong.Core.Testing.RoundResident
        {
            RoundId = RoundY,
            PersonId = Scenario.DaveId,
            DistrictCode = Scenario.DistrictY,
            CommunityId = 2,
            CompoundId = 2,
            BuildingId = 2,
            UnitId = 2,
            HouseholdId = Scenario.DaveHouseholdId,
            AtHome = true
        });
        db.DoorTasks.Add(new Fangkong.Core.Testing.DoorTask
        {
            Id = DoorTaskY,
            RoundId = RoundY,
            HouseholdId = Scenario.DaveHouseholdId,
            CompoundId = 2,
            SiteId = SiteY,
            Reason = Fangkong.Core.Testing.DoorReason.Missing,
            CreatedAtUtc = at
        });
        db.CommunityProblems.Add(new Fangkong.Core.Community.CommunityProblem
        {
            Id = ProblemY,
            CommunityId = 2,
            HouseholdId = Scenario.DaveHouseholdId,
            Category = Fangkong.Domain.Community.ProblemCategory.Supplies,
            Text = "西宁小区缺药",
            RaisedByUserId = 1,
            RaisedByName = "管理员",
            RaisedAtUtc = at,
            State = Fangkong.Domain.Community.ProblemState.Open
        });
        db.SpecialGroupMembers.Add(new Fangkong.Core.Community.SpecialGroupMember
        {
            Id = SpecialY,
            PersonId = Scenario.DaveId,
            Group = Fangkong.Domain.Community.SpecialGroup.Bedridden,
            CommunityId = 2,
            ResponsibleName = "王丽",
            RegisteredByUserId = 1,
            RegisteredAtUtc = at
        });
        db.Appeals.Add(new Fangkong.Core.Appeals.Appeal
        {
            Id = AppealY,
            PersonId = Scenario.DaveId,
            SubmittedByUserId = 6,
            IdempotencyKey = "jurisdiction-probe-1",
            Reason = "我没有去过风险场所",
            Colour = Fangkong.Domain.Codes.CodeColour.Yellow,
            Rule = "manual",
            Evidence = "",
            ColourChangeId = 0,
            Office = Fangkong.Core.Appeals.AppealOffice.District,
            DistrictCode = Scenario.DistrictY,
            CommunityId = 2,
            SubmittedAtUtc = at,
            DueAtUtc = at.AddDays(2),
            State = Fangkong.Core.Appeals.AppealState.Open
        });
        db.AppealFiles.Add(new Fangkong.Core.Appeals.AppealFile { Id = AppealFileY, AppealId = AppealY, FileName = "a.pdf", ContentType = "application/pdf", Size = 4, Content = "%PDF"u8.ToArray() });
        db.BulkUnlocks.Add(new Fangkong.Core.Appeals.BulkUnlock
        {
            Id = BulkY,
            VenueId = Scenario.HallId,
            Employer = "辽源市政务服务中心",
            SubmittedByUserId = 4,
            SubmittedAtUtc = at,
            Reason = "员工返岗",
            State = Fangkong.Core.Appeals.BulkUnlockState.Submitted
        });
        db.BulkUnlockLines.Add(new Fangkong.Core.Appeals.BulkUnlockLine
        {
            Id = BulkLineY,
            BulkUnlockId = BulkY,
            Line = 1,
            PersonId = Scenario.DaveId,
            Outcome = Fangkong.Core.Appeals.BulkLineOutcome.Pending
        });
        db.Tickets.Add(new Fangkong.Core.Requests.Ticket
        {
            Id = TicketY,
            Source = Fangkong.Domain.Requests.RequestSource.Hotline,
            CallerPhone = "13800000005",
            CallerName = "赵西安",
            PersonId = Scenario.DaveId,
            HouseholdId = Scenario.DaveHouseholdId,
            DistrictCode = Scenario.DistrictY,
            StreetId = 2,
            CommunityId = 2,
            Category = Fangkong.Domain.Requests.RequestCategory.Medicine,
            Urgency = Fangkong.Domain.Requests.RequestUrgency.Normal,
            NeedsTransport = true,
            Text = "需要降压药",
            StartUnit = Fangkong.Domain.Requests.TicketUnit.Community,
            Unit = Fangkong.Domain.Requests.TicketUnit.Community,
            ReceivedAtUtc = at,
            DueAtUtc = at.AddDays(2),
            State = Fangkong.Domain.Requests.TicketState.Received,
            IsOpen = true
        });
        db.Returnees.Add(new Fangkong.Core.Returnees.Returnee
        {
            Id = ReturneeY,
            PersonId = Scenario.DaveId,
            HouseholdId = Scenario.DaveHouseholdId,
            DistrictCode = Scenario.DistrictY,
            StreetId = 2,
            CommunityId = 2,
            Origin = "吉林省长春市宽城区",
            OriginLevel = ZoneLevel.Sealed,
            LeftOn = new DateOnly(2026, 11, 18),
            ArrivedOn = new DateOnly(2026, 11, 19),
            Travel = Fangkong.Domain.Travel.TravelMode.Car,
            Source = Fangkong.Domain.Travel.ReturneeSource.Community,
            Measure = Fangkong.Domain.Travel.TravellerMeasure.CentralizedIsolation,
            Days = 7,
            Tests = 3,
            TestWithinDays = 7,
            EndsOn = new DateOnly(2026, 11, 25),
            PolicyVersion = "2022.6-travel-fk1",
            PlacementPending = true,
            State = Fangkong.Domain.Travel.ReturneeState.UnderMeasure,
            RegisteredAtUtc = at,
        });
        await db.SaveChangesAsync();
    }

    /// <summary>How many rows a list answer holds in all: its total, or its items.</summary>
    private static long Total(string json)
    {
        var root = System.Text.Json.JsonDocument.Parse(json).RootElement;
        if (root.ValueKind == System.Text.Json.JsonValueKind.Array) return root.GetArrayLength();
        return root.TryGetProperty("total", out var t) ? t.GetInt64() : root.GetProperty("items").GetArrayLength();
    }
}
