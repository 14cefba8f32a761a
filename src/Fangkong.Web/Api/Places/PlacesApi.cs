using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Gate;
using Fangkong.Core.People;
using Fangkong.Core.Places;
using Fangkong.Domain.Places;
using Fangkong.Web.Hosting;

namespace Fangkong.Web.Api.Places;

public sealed record DeviceBody(string? Name);

public static class PlacesApi
{
    public static void MapPlacesApi(this IEndpointRouteBuilder app)
    {
        var venues = app.MapGroup("/api/venues").WithTags("Venues").WithProblems();
        venues.MapGet("/", async (string? q, VenueType? type, string? district, int? page, int? pageSize, FangkongDb db, VenueDirectory dir, HttpContext http) =>
        {
            var (p, s) = Paging.Normalise(page, pageSize);
            return TypedResults.Ok(await dir.SearchAsync(db, q, type, district, p, s, http.RequestAborted));
        }).RequireAuthorization(AuthSetup.Tracing).WithSummary("Search venues by name, type and district (paged).");

        venues.MapGet("/{id:long}", async (long id, FangkongDb db, VenueDirectory dir, HttpContext http) =>
        {
            Own(http, id);
            return TypedResults.Ok(await dir.GetAsync(db, id, http.RequestAborted));
        }).RequireAuthorization(AuthSetup.VenueStaff).WithSummary("One venue (staff see only their own).");

        venues.MapGet("/{id:long}/occupancy", async (long id, FangkongDb db, Occupancy occupancy, HttpContext http) =>
        {
            Own(http, id);
            return TypedResults.Ok(await occupancy.ForVenueAsync(db, id, http.RequestAborted));
        }).RequireAuthorization(AuthSetup.VenueStaff).WithSummary("Live occupancy against capacity.");

        venues.MapGet("/{id:long}/hourly", async (long id, DateOnly? day, FangkongDb db, Occupancy occupancy, Core.Common.CityClock clock, HttpContext http) =>
        {
            Own(http, id);
            if (http.User.IsInRole(Core.Accounts.Roles.GateOperator)) throw new ForbiddenException(Messages.Get("Places.GateSeesOccupancyOnly"));
            return TypedResults.Ok(await occupancy.HourlyAsync(db, id, day ?? clock.Today, http.RequestAborted));
        }).RequireAuthorization(AuthSetup.VenueStaff).WithSummary("Entries and exits per hour of a local day.");

        venues.MapPost("/", async (VenueInput body, FangkongDb db, VenueAdmin admin, HttpContext http) =>
        {
            var v = await admin.CreateAsync(db, body, http.RequestAborted);
            return TypedResults.Created($"/api/venues/{v.Id}", VenueDirectory.Summarise(v));
        }).RequireAuthorization(AuthSetup.Admin).WithSummary("Register a venue (administrators).");

        venues.MapPut("/{id:long}", async (long id, VenueInput body, FangkongDb db, VenueAdmin admin, Core.Gate.GateDirectory gates, HttpContext http) =>
        {
            var v = await admin.UpdateAsync(db, id, body, http.RequestAborted);
            gates.ForgetAll();
            return TypedResults.Ok(VenueDirectory.Summarise(v));
        }).RequireAuthorization(AuthSetup.Admin).WithSummary("Change a venue's capacity, hours or entry policy (administrators).");

        venues.MapGet("/{id:long}/devices", async (long id, FangkongDb db, VenueDirectory dir, HttpContext http) =>
        {
            Own(http, id);
            return TypedResults.Ok(await dir.DevicesAsync(db, id, http.RequestAborted));
        }).RequireAuthorization(AuthSetup.VenueStaff).WithSummary("A venue's gate devices.");

        venues.MapPost("/{id:long}/devices", async (long id, DeviceBody body, FangkongDb db, VenueAdmin admin, HttpContext http) =>
        {
            var d = await admin.AddDeviceAsync(db, id, body.Name, http.RequestAborted);
            return TypedResults.Created($"/api/venues/{id}/devices/{d.Id}", d);
        }).RequireAuthorization(AuthSetup.Admin).WithSummary("Add a gate device to a venue (administrators).");

        var persons = app.MapGroup("/api/persons").WithTags("Persons").WithProblems();
        persons.MapGet("/", async (string? q, int? page, int? pageSize, FangkongDb db, PersonDirectory dir, HttpContext http) =>
        {
            var (p, s) = Paging.Normalise(page, pageSize);
            return TypedResults.Ok(await dir.SearchAsync(db, q, p, s, http.RequestAborted));
        }).RequireAuthorization(AuthSetup.Tracing).WithSummary("Search persons by name prefix, ID number or phone; masked.");

        persons.MapPost("/", async (PersonInput body, FangkongDb db, PersonRegistry registry, PersonDirectory dir, HttpContext http) =>
        {
            var p = await registry.RegisterAsync(db, body, http.RequestAborted);
            return TypedResults.Created($"/api/persons/{p.Id}", await dir.GetAsync(db, p.Id, mask: true, http.RequestAborted));
        }).RequireAuthorization(AuthSetup.Admin).WithSummary("Register a person with a validated identity document (administrators).");

        persons.MapGet("/{id:long}", async (long id, FangkongDb db, PersonDirectory dir, HttpContext http) =>
            TypedResults.Ok(await dir.GetAsync(db, id, mask: true, http.RequestAborted)))
            .RequireAuthorization(AuthSetup.Tracing).WithSummary("One person, masked.");
    }

    private static void Own(HttpContext http, long venueId)
    {
        if (!http.User.MaySeeVenue(venueId)) throw new ForbiddenException(Messages.Get("Places.OwnVenueOnly"));
    }
}
