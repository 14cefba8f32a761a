using Fangkong.Core.Checkpoints;
using Fangkong.Core.Data;
using Fangkong.Domain.Checkpoints;
using Fangkong.Domain.Passes;
using Fangkong.Domain.People;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Seeding;

/// <summary>
/// The demo's road checkpoints (issue 21, ADR 0040): a few of each kind in 东辽县 and 东丰县 — county and township borders,
/// villages, a motorway inspection station and an unstaffed roadblock — with the demo checkpoint staff on every shift of
/// today at the inspection station; and a few passes, staff and freight, issued and waiting (ADR 0041).
/// </summary>
internal static class DemoCheckpoints
{
    private static readonly (long Id, string Name, CheckpointKind Kind, string District, string Location)[] Points =
    [
        (9001, "辽源收费站留检站", CheckpointKind.InspectionStation, "220422", "G12珲乌高速辽源出口"),
        (9002, "东辽县界卡口（303国道）", CheckpointKind.CountyBorder, "220422", "303国道东辽县与伊通县交界"),
        (9003, "东丰县界卡口（202国道）", CheckpointKind.CountyBorder, "220421", "202国道东丰县与梅河口交界"),
        (9004, "白泉镇界卡口", CheckpointKind.TownshipBorder, "220422", "白泉镇与渭津镇交界"),
        (9005, "横道河镇界卡口", CheckpointKind.TownshipBorder, "220421", "横道河镇东出口"),
        (9006, "安石镇朝阳村卡口", CheckpointKind.Village, "220422", "朝阳村村口"),
        (9007, "那丹伯镇永安村卡口", CheckpointKind.Village, "220421", "永安村村口"),
        (9008, "金州乡林间路障", CheckpointKind.Roadblock, "220422", "金州乡林场路"),
    ];

    public static async Task SeedAsync(FangkongDb db, DateTime nowUtc, DateOnly today, CancellationToken ct)
    {
        if (await db.Checkpoints.AnyAsync(ct)) return;
        foreach (var p in Points)
            db.Checkpoints.Add(new Checkpoint { Id = p.Id, Name = p.Name, Kind = p.Kind, DistrictCode = p.District, Location = p.Location, CreatedAtUtc = nowUtc });
        // The demo staff member on the inspection station's three shifts of yesterday, today and tomorrow.
        var duty = 9100L;
        for (var d = -1; d <= 1; d++)
            for (var s = 1; s <= 3; s++)
                db.CheckpointDuties.Add(new CheckpointDuty { Id = duty++, CheckpointId = 9001, UserId = DemoAccounts.CheckpointUserId, Day = today.AddDays(d), Shift = s });

        var holders = await db.Persons.AsNoTracking().Where(p => p.DocumentType == DocumentType.ResidentIdCard).OrderBy(p => p.Id).Take(4)
            .Select(p => new { p.Id, p.Name, p.DocumentNumber }).ToListAsync(ct);
        var id = 9200L;
        foreach (var (h, i) in holders.Select((h, i) => (h, i)))
        {
            var freight = i % 2 == 1;
            db.Passes.Add(new Passes.Pass
            {
                Id = id++,
                Kind = freight ? PassKind.Freight : PassKind.Staff,
                State = i < 3 ? PassState.Approved : PassState.Applied,
                PersonId = h.Id,
                HolderName = h.Name,
                HolderIdNumber = h.DocumentNumber,
                Employer = freight ? "吉林省顺达物流有限公司" : "辽源市第一建筑工程公司",
                Route = freight ? "长春—辽源（G12）" : "龙山区东吉大街工地",
                Plate = freight ? "吉D" + (36501 + i).ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
                Cargo = freight ? "蔬菜、粮油" : null,
                ValidFrom = today.AddDays(-1),
                ValidTo = today.AddDays(13),
                SourceKey = "demo:" + id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                AppliedByUserId = DemoAccounts.PassOfficerUserId,
                AppliedAtUtc = nowUtc.AddDays(-1),
                DecidedByUserId = i < 3 ? DemoAccounts.PassOfficerUserId : null,
                DecidedAtUtc = i < 3 ? nowUtc.AddHours(-20) : null,
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
