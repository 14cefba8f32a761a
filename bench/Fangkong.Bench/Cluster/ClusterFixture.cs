using Fangkong.Core.Accounts;
using Fangkong.Core.Data;
using Fangkong.Core.Places;
using Fangkong.Domain.Codes;
using Fangkong.Domain.People;
using Fangkong.Domain.Places;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Bench.Cluster;

/// <summary>
/// What the fault tests need in the cluster's store beside the demo city: a hall without a cap for the load, a hall with
/// capacity 50 for the capacity proof, and gate accounts at each (one device per account). Made once; made again it is left.
/// </summary>
internal static class ClusterFixture
{
    public const long LoadVenue = 9_100_000_001;
    public const long CappedVenue = 9_100_000_002;
    public const int Capacity = 50;
    public const int DevicesPerVenue = 12;
    public const string Password = "fangkong";

    public static string LoadUser(int d) => $"fault-gate-{d}";
    public static string CappedUser(int d) => $"cap-gate-{d}";

    public static async Task PrepareAsync(string connection)
    {
        await using var db = Open(connection);
        if (await db.Venues.AnyAsync(v => v.Id == LoadVenue)) return;
        db.Venues.Add(new Venue { Id = LoadVenue, Name = "故障测试大厅", Type = VenueType.ServiceHall, DistrictCode = "220402", Capacity = 0, Opens = TimeOnly.MinValue, Closes = TimeOnly.MinValue });
        db.Venues.Add(new Venue { Id = CappedVenue, Name = "容量测试厅", Type = VenueType.ServiceHall, DistrictCode = "220402", Capacity = Capacity, Opens = TimeOnly.MinValue, Closes = TimeOnly.MinValue });
        var hash = PasswordHasher.Hash(Password);
        for (var d = 0; d < DevicesPerVenue; d++)
        {
            foreach (var (venue, user, offset) in new[] { (LoadVenue, LoadUser(d), 0), (CappedVenue, CappedUser(d), 100) })
            {
                var id = 9_100_001_000 + offset + d;
                db.GateDevices.Add(new GateDevice { Id = id, VenueId = venue, Name = $"闸机{d + 1}" });
                db.Users.Add(new User { Id = id, UserName = user, DisplayName = "故障测试", PasswordHash = hash, Role = Roles.GateOperator, VenueId = venue, DeviceId = id });
            }
        }
        await db.SaveChangesAsync();
    }

    /// <summary>ID numbers of residents whose code is green: every one of them is admitted where there is room.</summary>
    public static async Task<string[]> GreenIdNumbersAsync(string connection)
    {
        await using var db = Open(connection);
        return await db.Persons.Where(p => p.DocumentType == DocumentType.ResidentIdCard
                && !db.Colours.Any(c => c.PersonId == p.Id && c.Colour != CodeColour.Green))
            .OrderBy(p => p.Id).Select(p => p.DocumentNumber).ToArrayAsync();
    }

    public static FangkongDb Open(string connection) =>
        new(new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = connection }.BuildOptions());
}
