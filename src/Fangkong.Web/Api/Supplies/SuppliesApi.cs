using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Supplies;
using Fangkong.Domain.Supplies;
using Fangkong.Web.Hosting;

namespace Fangkong.Web.Api.Supplies;

/// <summary>
/// Supplies to sealed homes (物资保供, issue 20): the catalogue, orders placed by residents or for them, the supplier's
/// queue with bulk steps, the community's delivery run with proof at the door, overdue and no-order lists, bulk
/// distributions to a zone, and the order line list with its export. Each call resolves the caller in Core
/// (<see cref="SupplyActor"/>): a resident's household, a supplier's own orders, staff within their area.
/// </summary>
public static class SuppliesApi
{
    public static void MapSuppliesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/supplies").WithTags("Supplies").WithProblems();

        api.MapGet("/catalogue", async (long? householdId, FangkongDb db, SupplyCatalogue catalogue, HttpContext http) =>
            TypedResults.Ok(await catalogue.ForHouseholdAsync(db, await ActorAsync(db, http), householdId, http.RequestAborted)))
            .RequireAuthorization(SupplyAccess.Place).WithSummary("The packs a household may order (a resident's own; staff name the household): suppliers serving its district, with what is left today.");

        api.MapGet("/suppliers", async (FangkongDb db, SupplyCatalogue catalogue, HttpContext http) =>
            TypedResults.Ok(await catalogue.ListAsync(db, await ActorAsync(db, http), http.RequestAborted)))
            .RequireAuthorization(SupplyAccess.Catalogues).WithSummary("Suppliers with their districts and packs (a supplier's account: its own).");

        api.MapPost("/suppliers", async (SupplierRequest body, FangkongDb db, SupplyCatalogue catalogue, HttpContext http) =>
        {
            var s = await catalogue.AddSupplierAsync(db, body, http.RequestAborted);
            return TypedResults.Created($"/api/supplies/suppliers/{s.Id}", s);
        }).RequireAuthorization(SupplyAccess.Admin).WithSummary("Register a supplier (supermarket, wholesale market, pharmacy) and the districts it serves.");

        api.MapPost("/suppliers/{id:long}/packs", async (long id, PackRequest body, FangkongDb db, SupplyCatalogue catalogue, HttpContext http) =>
        {
            var p = await catalogue.AddPackAsync(db, await ActorAsync(db, http), id, body, http.RequestAborted);
            return TypedResults.Created($"/api/supplies/packs/{p.Id}", p);
        }).RequireAuthorization(SupplyAccess.Packs).WithSummary("Add a pack (name, kind, contents, weight, price — 0 is free — and stock per day) to a supplier's catalogue.");

        api.MapPost("/suppliers/{id:long}/accounts", async (long id, SupplierAccountRequest body, FangkongDb db, HttpContext http) =>
        {
            await SupplyCatalogue.LinkAccountAsync(db, id, body, http.RequestAborted);
            return TypedResults.NoContent();
        }).RequireAuthorization(SupplyAccess.Admin).WithSummary("Link an account of role supplier to the supplier it works for.");

        api.MapPost("/orders", async (OrderRequest body, FangkongDb db, SupplyOrders orders, HttpContext http) =>
        {
            var o = await orders.PlaceAsync(db, await ActorAsync(db, http), body, http.RequestAborted);
            return TypedResults.Created($"/api/supplies/orders/{o.Id}", o);
        }).RequireAuthorization(SupplyAccess.Place)
          .WithSummary("Place an order for a sealed or controlled household (a resident's own; staff name householdId) with an idempotency key: the same key again answers with the same order.");

        api.MapGet("/me/orders", async (FangkongDb db, SupplyOrders orders, HttpContext http) =>
            TypedResults.Ok(await orders.MineAsync(db, await ActorAsync(db, http), http.RequestAborted)))
            .RequireAuthorization(SupplyAccess.Resident).WithSummary("The resident's household's orders, newest first, with each step's time.");

        api.MapGet("/orders/{id:long}", async (long id, FangkongDb db, SupplyOrders orders, HttpContext http) =>
            TypedResults.Ok(await orders.OneAsync(db, await ActorAsync(db, http), id, http.RequestAborted)))
            .RequireAuthorization(SupplyAccess.Orders).WithSummary("One order: the resident's own, the supplier's, or one in the caller's area.");

        api.MapGet("/orders/{id:long}/photo", async (long id, FangkongDb db, HttpContext http) =>
        {
            var photo = await OrderSteps.PhotoAsync(db, await ActorAsync(db, http), id, http.RequestAborted);
            return Results.File(photo.Content, photo.ContentType);
        }).RequireAuthorization(SupplyAccess.Orders).Produces<Stream>(StatusCodes.Status200OK, "image/jpeg", "image/png").WithSummary("The photo taken at the door.");

        api.MapGet("/queue", async (OrderState? state, string? q, int? page, int? pageSize, FangkongDb db, SupplyQueues queues, HttpContext http) =>
            TypedResults.Ok(await queues.SupplierQueueAsync(db, await ActorAsync(db, http), state, q, page, pageSize, http.RequestAborted)))
            .RequireAuthorization(SupplyAccess.Supplier).WithSummary("The supplier's orders not yet handed over (or in one state): special groups first, then the oldest.");

        api.MapPost("/queue/step", async (OrderStepRequest body, FangkongDb db, OrderSteps steps, HttpContext http) =>
            TypedResults.Ok(await steps.SupplierStepAsync(db, await ActorAsync(db, http), body, http.RequestAborted)))
            .RequireAuthorization(SupplyAccess.Supplier).WithSummary("Accept, pack or hand over at the gate many orders at once (all or none; 409 names an order that cannot move).");

        api.MapGet("/run", async (string? q, int? page, int? pageSize, FangkongDb db, SupplyQueues queues, HttpContext http) =>
            TypedResults.Ok(await queues.RunAsync(db, await ActorAsync(db, http), q, page, pageSize, http.RequestAborted)))
            .RequireAuthorization(SupplyAccess.Staff).WithSummary("The delivery run in the caller's area: orders on their way or at the gate, special groups first.");

        api.MapPost("/run/gate", async (OrderStepRequest body, FangkongDb db, OrderSteps steps, HttpContext http) =>
            TypedResults.Ok(await steps.AtGateAsync(db, await ActorAsync(db, http), body.OrderIds, http.RequestAborted)))
            .RequireAuthorization(SupplyAccess.Delivery).WithSummary("Tick orders received at the gate (or point), many at once.");

        api.MapPost("/orders/{id:long}/delivered", async (long id, DeliveryRequest body, FangkongDb db, OrderSteps steps, HttpContext http) =>
            TypedResults.Ok(await steps.DeliverAsync(db, await ActorAsync(db, http), id, body, http.RequestAborted)))
            .RequireAuthorization(SupplyAccess.Delivery).WithSummary("At the door, with proof: photo (base64 JPEG/PNG) or the resident's confirmation.");

        api.MapPost("/me/orders/{id:long}/received", async (long id, FangkongDb db, OrderSteps steps, HttpContext http) =>
            TypedResults.Ok(await steps.DeliverAsync(db, await ActorAsync(db, http), id, new DeliveryRequest(DeliveryProof.ResidentConfirmed, null), http.RequestAborted)))
            .RequireAuthorization(SupplyAccess.Resident).WithSummary("The resident confirms their order reached the door.");

        api.MapPost("/orders/{id:long}/close", async (long id, CloseRequest body, FangkongDb db, OrderSteps steps, HttpContext http) =>
            TypedResults.Ok(await steps.CloseAsync(db, await ActorAsync(db, http), id, body, http.RequestAborted)))
            .RequireAuthorization(SupplyAccess.Close).WithSummary("Cancel (before packing) or fail an order, with the reason.");

        api.MapGet("/overdue", async (int? page, int? pageSize, FangkongDb db, SupplyQueues queues, HttpContext http) =>
            TypedResults.Ok(await queues.OverdueAsync(db, await ActorAsync(db, http), page, pageSize, http.RequestAborted)))
            .RequireAuthorization(SupplyAccess.Staff).WithSummary("Open orders past their due time in the caller's area (community, district or city), special groups first.");

        api.MapGet("/no-orders", async (int? page, int? pageSize, FangkongDb db, SupplyQueues queues, HttpContext http) =>
            TypedResults.Ok(await queues.NoOrderAsync(db, await ActorAsync(db, http), page, pageSize, http.RequestAborted)))
            .RequireAuthorization(SupplyAccess.Staff).WithSummary("Sealed households in the caller's area with no order for Policy:Supplies:NoOrderDays days.");

        api.MapPost("/distributions", async (DistributionRequest body, FangkongDb db, BulkDistributions distributions, HttpContext http) =>
        {
            var d = await distributions.SendAsync(db, await ActorAsync(db, http), body, http.RequestAborted);
            return TypedResults.Created($"/api/supplies/orders?distributionId={d.Id}", d);
        }).RequireAuthorization(SupplyAccess.District).WithSummary("Send N free packs to every household of a zone in force, one tracked order per household.");

        api.MapGet("/orders", async ([AsParameters] OrderListQuery q, long? after, int? size, FangkongDb db, OrderLines lines, HttpContext http) =>
        {
            OnlyListFields(http, "after", "size");
            return TypedResults.Ok(await lines.PageAsync(db, await ActorAsync(db, http), q.Filter(), after, size, http.RequestAborted));
        }).RequireAuthorization(SupplyAccess.Staff).WithSummary("The order line list in the caller's area, newest first, continued by key (after=).");

        api.MapGet("/orders.{format}", async (string format, [AsParameters] OrderListQuery q, FangkongDb db, OrderLines lines, HttpContext http) =>
        {
            OnlyListFields(http);
            var (name, type, content) = await lines.ExportAsync(db, await ActorAsync(db, http), q.Filter(), format, http.RequestAborted);
            return Results.File(content, type, name);
        }).RequireAuthorization(SupplyAccess.Staff)
          .Produces<Stream>(StatusCodes.Status200OK, "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
          .WithSummary("The order line list as csv or xlsx, under the same filter.");
    }

    /// <summary>The list's query names only its filter's fields: a misspelt one would otherwise list every order.</summary>
    private static void OnlyListFields(HttpContext http, params string[] paging) =>
        FilterFields.OnlyKnown(http.Request.Query.Keys.Except(["culture", "ui-culture"], StringComparer.OrdinalIgnoreCase),
            [.. FilterFields.Of(typeof(OrderLineFilter)), .. paging]);

    private static Task<SupplyActor> ActorAsync(FangkongDb db, HttpContext http) => SupplyActor.ForAsync(db, http.User.UserId(), http.RequestAborted);
}

/// <summary>The order list's filter as query parameters.</summary>
public sealed record OrderListQuery(string? Q, OrderState? State, bool? Overdue, bool? Late, bool? Special, string? District, long? CommunityId, long? SupplierId,
    long? DistributionId, long? HouseholdId, DateOnly? PlacedFrom, DateOnly? PlacedTo, DateOnly? DeliveredFrom, DateOnly? DeliveredTo)
{
    public OrderLineFilter Filter() => new()
    {
        Q = Q,
        State = State,
        Overdue = Overdue,
        Late = Late,
        Special = Special,
        District = District,
        CommunityId = CommunityId,
        SupplierId = SupplierId,
        DistributionId = DistributionId,
        HouseholdId = HouseholdId,
        PlacedFrom = PlacedFrom,
        PlacedTo = PlacedTo,
        DeliveredFrom = DeliveredFrom,
        DeliveredTo = DeliveredTo,
    };
}
