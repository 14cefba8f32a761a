using Fangkong.Core.Data;
using Fangkong.Core.Returnees;
using Fangkong.Domain.Zones;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Seeding;

/// <summary>
/// A few other regions' risk areas for the demo city (issue 21), as the province's list named them in spring 2022:
/// Changchun's and Jilin city's sealed and controlled streets, a low-risk town of an outbreak county, one lifted already.
/// Dated from the seed's today, so returnees simulated over its days meet them in force.
/// </summary>
public static class DemoRiskAreas
{
    private static readonly (string Province, string City, string County, string Name, ZoneLevel Level, int FromDaysAgo, int? ToDaysAgo, bool Outbreak)[] Areas =
    [
        ("吉林省", "长春市", "宽城区", "团山街道", ZoneLevel.Sealed, 20, null, true),
        ("吉林省", "长春市", "宽城区", "兰家镇", ZoneLevel.Precaution, 20, null, true),
        ("吉林省", "长春市", "朝阳区", "湖西街道", ZoneLevel.Controlled, 18, null, true),
        ("吉林省", "吉林市", "船营区", "北京路街道", ZoneLevel.Sealed, 25, null, true),
        ("吉林省", "吉林市", "昌邑区", "哈达湾街道", ZoneLevel.Controlled, 22, null, true),
        ("吉林省", "吉林市", "丰满区", "丰满区", ZoneLevel.Precaution, 22, null, true),
        ("辽宁省", "沈阳市", "和平区", "北市场街道", ZoneLevel.Controlled, 12, null, true),
        ("上海市", "上海市", "浦东新区", "花木街道", ZoneLevel.Sealed, 30, 3, true),
    ];

    /// <summary>The demo's areas, once: ids 1–8, so a second seed of the same store adds none.</summary>
    public static async Task SeedAsync(FangkongDb db, DateOnly today, DateTime nowUtc, long byUserId, CancellationToken ct)
    {
        if (await db.OtherRiskAreas.AnyAsync(ct)) return;
        for (var i = 0; i < Areas.Length; i++)
        {
            var a = Areas[i];
            db.OtherRiskAreas.Add(new OtherRiskArea
            {
                Id = i + 1,
                Province = a.Province,
                City = a.City,
                County = a.County,
                Name = a.Name,
                Level = a.Level,
                FromDate = today.AddDays(-a.FromDaysAgo),
                ToDate = a.ToDaysAgo is { } to ? today.AddDays(-to) : null,
                CountyHasOutbreak = a.Outbreak,
                CreatedAtUtc = nowUtc,
                CreatedByUserId = byUserId,
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
