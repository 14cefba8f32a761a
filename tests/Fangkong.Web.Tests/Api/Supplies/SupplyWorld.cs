using Fangkong.Core.Zones;
using Fangkong.Domain.Zones;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Web.Tests.Api.Supplies;

/// <summary>The scenario's household sealed in, with the resident (Alice) living there: what the supply tests start from.</summary>
internal static class SupplyWorld
{
    public const long ZoneId = 990001;

    public static async Task SealAsync(ApiHost host, ZoneLevel level = ZoneLevel.Sealed)
    {
        var at = host.Time.GetUtcNow().UtcDateTime.AddDays(-5);
        await using var db = host.Db();
        await db.Persons.Where(p => p.Id == host.Scenario.Alice.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.HouseholdId, Scenario.HouseholdId).SetProperty(p => p.DistrictCode, Scenario.DistrictX)
                .SetProperty(p => p.CommunityId, Scenario.CommunityId));
        db.Zones.Add(new Zone
        {
            Id = ZoneId,
            Name = "福民小区封控区",
            Level = level,
            DistrictCode = Scenario.DistrictX,
            State = ZoneState.Active,
            ProposedAtUtc = at,
            StartedAtUtc = at,
            LevelSince = DateOnly.FromDateTime(at),
            ReasonKey = "Zones.Reason.Officer",
            ReasonArgs = ["物资测试"],
            PolicyVersion = "test",
            Households = 1,
            Residents = 1,
        });
        db.ZoneHouseholds.Add(new ZoneHousehold { ZoneId = ZoneId, HouseholdId = Scenario.HouseholdId, CompoundId = 1 });
        await db.SaveChangesAsync();
    }

    public static object Order(string key, int quantity = 2, long packId = Scenario.PackId) =>
        new { items = new[] { new { packId, quantity } }, idempotencyKey = key };

    /// <summary>A 1×1 PNG, the smallest photo a worker could take at the door.</summary>
    public static readonly string Photo = Convert.ToBase64String(Convert.FromHexString(
        "89504E470D0A1A0A0000000D4948445200000001000000010806000000" + "1F15C4890000000D4944415478DA63F8CFC0F01F0005000201A5F7E5C00000000049454E44AE426082"));
}
