using Fangkong.Core.Data;
using Fangkong.Core.Supervision;
using Fangkong.Domain.Places;
using Fangkong.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Seeding;

/// <summary>
/// The demo's supervision (issue 24, ADR 0046) in 龙山区, the demo inspector's and supervisor's district: an order closing
/// two markets since yesterday, inspections with a problem fixed on the spot, one handed over and due tomorrow, one
/// overdue that violated the order, and today's disinfection at the service hall. Silent gates are the data's own: the
/// gate watch finds them in the generated visits.
/// </summary>
internal static class DemoSupervision
{
    private const string District = "220402";

    public static async Task SeedAsync(FangkongDb db, DateTime nowUtc, CancellationToken ct)
    {
        if (await db.ClosureOrders.AnyAsync(ct)) return;
        var markets = await db.Venues.AsNoTracking().Where(v => v.DistrictCode == District && v.Type == VenueType.Market).OrderBy(v => v.Id).Take(3)
            .Select(v => new { v.Id, v.Name }).ToListAsync(ct);
        if (markets.Count == 0) return;
        var order = new ClosureOrder
        {
            Id = 9401,
            Kind = ClosureKind.Close,
            Number = "辽龙疫指〔2026〕5号",
            DistrictCode = District,
            FromUtc = nowUtc.AddDays(-1),
            Text = "即日起暂停以下农贸市场营业，恢复时间另行通知。",
            Authority = "龙山区新冠肺炎疫情防控指挥部",
            IssuedByUserId = DemoAccounts.SupervisorUserId,
            IssuedAtUtc = nowUtc.AddDays(-1),
        };
        db.ClosureOrders.Add(order);
        foreach (var m in markets.Take(2)) db.ClosureOrderVenues.Add(new ClosureOrderVenue { OrderId = order.Id, VenueId = m.Id });

        var inspected = markets[^1];
        var id = 9410L;
        Inspection Visit(long venueId, string name, DateTime at) => new()
        {
            Id = id++,
            DistrictCode = District,
            PlaceKind = InspectedPlace.Venue,
            VenueId = venueId,
            PlaceName = name,
            AtUtc = at,
            InspectorUserId = DemoAccounts.InspectorUserId,
        };
        var yesterday = Visit(markets[0].Id, markets[0].Name, nowUtc.AddDays(-1).AddHours(2));
        var today = Visit(inspected.Id, inspected.Name, nowUtc.AddHours(-2));
        db.Inspections.AddRange(yesterday, today);
        db.Findings.AddRange(
            new Finding
            {
                Id = 9420,
                InspectionId = yesterday.Id,
                DistrictCode = District,
                Category = FindingCategory.ClosureViolation,
                Severity = FindingSeverity.Critical,
                Description = "停业期间侧门仍有商户营业",
                State = FindingState.HandedOver,
                ResponsibleUnit = "龙山区市场监督管理局",
                DeadlineUtc = nowUtc.AddHours(-6),
                ClosureOrderId = order.Id,
                FoundAtUtc = yesterday.AtUtc,
            },
            new Finding
            {
                Id = 9421,
                InspectionId = today.Id,
                DistrictCode = District,
                Category = FindingCategory.Temperature,
                Severity = FindingSeverity.Minor,
                Description = "入口测温枪无电，已更换",
                State = FindingState.FixedOnSpot,
                FoundAtUtc = today.AtUtc,
            },
            new Finding
            {
                Id = 9422,
                InspectionId = today.Id,
                DistrictCode = District,
                Category = FindingCategory.Disinfection,
                Severity = FindingSeverity.Serious,
                Description = "消杀登记本近三日无记录",
                State = FindingState.HandedOver,
                ResponsibleUnit = "向阳街道办事处",
                DeadlineUtc = nowUtc.AddDays(1),
                FoundAtUtc = today.AtUtc,
            });
        // The service hall the demo's gate and manager work at (venue 1).
        if (await db.Venues.AsNoTracking().Where(v => v.Id == 1).Select(v => v.DistrictCode).FirstOrDefaultAsync(ct) is { } hallDistrict)
            db.DisinfectionRecords.Add(new DisinfectionRecord
            {
                Id = 9430,
                VenueId = 1,
                DistrictCode = hallDistrict,
                AtUtc = nowUtc.AddHours(-1),
                Area = "一楼办事大厅",
                Agent = "含氯消毒液 500mg/L",
                Person = "王保洁",
                RecordedByUserId = DemoAccounts.InspectorUserId,
                RecordedAtUtc = nowUtc.AddHours(-1),
            });
        await db.SaveChangesAsync(ct);
    }
}
