using System.Globalization;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Documents;
using Fangkong.Domain.Common;
using Fangkong.Domain.Supplies;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Supplies;

/// <summary>The order line list's filter; the dashboard's supply figures are counts of it (<see cref="SupplyFigures"/>).</summary>
public sealed record OrderLineFilter
{
    /// <summary>An order's number ("S2026-0042", typed any way people type it).</summary>
    public string? Q { get; init; }
    public OrderState? State { get; init; }
    /// <summary>Open and past its due time now.</summary>
    public bool? Overdue { get; init; }
    /// <summary>Delivered after its due time.</summary>
    public bool? Late { get; init; }
    /// <summary>A special group's household.</summary>
    public bool? Special { get; init; }
    public string? District { get; init; }
    public long? CommunityId { get; init; }
    public long? SupplierId { get; init; }
    public long? DistributionId { get; init; }
    public long? HouseholdId { get; init; }
    public DateOnly? PlacedFrom { get; init; }
    public DateOnly? PlacedTo { get; init; }
    public DateOnly? DeliveredFrom { get; init; }
    public DateOnly? DeliveredTo { get; init; }
}

/// <summary>
/// The order line list: one row per order in the caller's area, newest first by key, and its CSV/XLSX export, under the
/// same filter as the list. Rows name households by door, never a person.
/// </summary>
public sealed class OrderLines(CityClock clock)
{
    public const int MaxExport = 100_000;

    public IQueryable<SupplyOrder> Query(IQueryable<SupplyOrder> visible, OrderLineFilter f)
    {
        LineFilters.Defined(f.State, "state");
        LineFilters.CheckDates(f.PlacedFrom, f.PlacedTo, "placedTo");
        LineFilters.CheckDates(f.DeliveredFrom, f.DeliveredTo, "deliveredTo");
        var q = visible.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.Q)) { var number = OrderNumber(f.Q); q = q.Where(o => o.Number == number); }
        if (f.State is { } s) q = q.Where(o => o.State == s);
        var now = clock.UtcNow;
        if (f.Overdue is { } overdue) q = overdue ? q.Where(o => o.State < OrderState.Delivered && o.DueAtUtc < now) : q.Where(o => !(o.State < OrderState.Delivered && o.DueAtUtc < now));
        if (f.Late is { } late) q = late ? q.Where(o => o.DeliveredAtUtc != null && o.DeliveredAtUtc > o.DueAtUtc) : q.Where(o => o.DeliveredAtUtc == null || o.DeliveredAtUtc <= o.DueAtUtc);
        if (f.Special is { } special) q = special ? q.Where(o => o.Priority > 0) : q.Where(o => o.Priority == 0);
        if (LineFilters.District(f.District) is { } d) q = q.Where(o => o.DistrictCode == d);
        if (f.CommunityId is { } c) q = q.Where(o => o.CommunityId == c);
        if (f.SupplierId is { } sup) q = q.Where(o => o.SupplierId == sup);
        if (f.DistributionId is { } dist) q = q.Where(o => o.DistributionId == dist);
        if (f.HouseholdId is { } h) q = q.Where(o => o.HouseholdId == h);
        if (f.PlacedFrom is { } pf) { var t = clock.StartOfDayUtc(pf); q = q.Where(o => o.PlacedAtUtc >= t); }
        if (f.PlacedTo is { } pt) { var t = clock.StartOfDayUtc(pt.AddDays(1)); q = q.Where(o => o.PlacedAtUtc < t); }
        if (f.DeliveredFrom is { } df) { var t = clock.StartOfDayUtc(df); q = q.Where(o => o.DeliveredAtUtc >= t); }
        if (f.DeliveredTo is { } dt) { var t = clock.StartOfDayUtc(dt.AddDays(1)); q = q.Where(o => o.DeliveredAtUtc < t); }
        return q;
    }

    public async Task<KeysetPage<OrderView>> PageAsync(FangkongDb db, SupplyActor actor, OrderLineFilter f, long? after, int? size, CancellationToken ct)
    {
        var q = Query(await OrderAccess.VisibleAsync(db, actor, ct), f);
        var page = await Keyset.PageAsync(q, o => o.Id, after, size, ct);
        return new KeysetPage<OrderView>(await OrderViews.OfAsync(db, page.Items, clock.UtcNow, ct), page.Next, page.Count, page.CountCapped);
    }

    public async Task<(string Name, string ContentType, byte[] Content)> ExportAsync(FangkongDb db, SupplyActor actor, OrderLineFilter f, string format, CancellationToken ct)
    {
        if (format is not ("csv" or "xlsx")) throw new InputException("format", Messages.Get("Supplies.Format"));
        var q = Query(await OrderAccess.VisibleAsync(db, actor, ct), f);
        if (await q.Take(MaxExport + 1).CountAsync(ct) > MaxExport) throw new InputException("filter", Messages.Get("Supplies.TooManyToExport", MaxExport));
        var rows = new List<OrderView>();
        long? after = null;
        while (true)
        {
            var batch = await Keyset.After(q, o => o.Id, after).Take(2000).ToListAsync(ct);
            if (batch.Count == 0) break;
            rows.AddRange(await OrderViews.OfAsync(db, batch, clock.UtcNow, ct));
            after = batch[^1].Id;
            if (batch.Count < 2000) break;
        }
        string[] names = ["Number", "Address", "Community", "Supplier", "Items", "Packs", "Weight", "State", "Special", "Free", "Placed", "Due", "Delivered", "Overdue", "Late"];
        var columns = names.Select(n => n is "Packs" ? TableColumn.Quantity(SupplyWords.Column(n))
            : n is "Number" ? TableColumn.Identifier(SupplyWords.Column(n)) : TableColumn.Text(SupplyWords.Column(n))).ToArray();
        var yes = Messages.Get("Supplies.Yes");
        var cells = rows.Select(r => (IReadOnlyList<object?>)
        [
            r.Number, r.Address, r.Community, r.Supplier,
            string.Join("、", r.Items.Select(i => $"{i.Name}×{i.Quantity}")), r.Packs, r.WeightKg.ToString("0.##", CultureInfo.InvariantCulture),
            SupplyWords.State(r.State), r.Special ? yes : "", r.Free ? yes : "", Time(r.PlacedAtUtc), Time(r.DueAtUtc),
            r.DeliveredAtUtc is { } d ? Time(d) : "", r.Overdue ? yes : "", r.Late ? yes : "",
        ]);
        var name = "supply-orders." + format;
        return format == "csv"
            ? (name, "text/csv; charset=utf-8", await TableExport.CsvAsync(columns, cells, ct))
            : (name, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", await TableExport.XlsxAsync(Messages.Get("Supplies.Sheet"), columns, cells, ct));
    }

    /// <summary>The order number the search text names, or a refusal naming the field.</summary>
    public static string OrderNumber(string q) =>
        LineFilters.RecordNumber(q, RecordKind.SupplyOrder) ?? throw new InputException("q", Messages.Get("Supplies.SearchNumber"));

    private string Time(DateTime utc) => clock.ToLocal(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
