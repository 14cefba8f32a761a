using Fangkong.Core.Accounts;
using Fangkong.Core.Data;
using Fangkong.Core.People;
using Fangkong.Core.Places;
using Fangkong.Domain.People;
using Fangkong.Domain.Places;

namespace Fangkong.Web.Tests.Support;

/// <summary>A small, explicit world for API tests: one service hall, one gate, one account per role, a few residents.</summary>
public sealed class Scenario
{
    public const string Password = "test-password";
    public const long HallId = 1, OtherVenueId = 2, DeviceId = 11, OtherDeviceId = 12;
    /// <summary>A one-household community with one grid: the grid worker's and the community officer's areas.</summary>
    public const long CommunityId = 1, GridId = 1, HouseholdId = 1;
    public int HallCapacity { get; set; } = 40;
    public int? HallNegativeTestHours { get; set; }
    public TimeOnly HallOpens { get; set; } = new(8, 30);
    public TimeOnly HallCloses { get; set; } = new(17, 0);

    public static readonly string[] Users = ["admin", "admin2", "epi", "manager", "gate", "resident", "sampler", "lab", "command", "grid", "officer", "supplier", "hotline", "checkpoint", "passes", "school", "inspector", "supervisor"];
    /// <summary>The supplier account's supermarket (serving 龙山区), and its vegetable pack.</summary>
    public const long SupplierId = 1, PackId = 1;
    /// <summary>The institution reporter's account (issue 23).</summary>
    public const long SchoolUserId = 80;

    public Person Alice { get; } = NewPerson(101, "张小明", ResidentIdNumber.Compose("220402", new DateOnly(1985, 5, 12), 123), "13800000001");
    public Person Bob { get; } = NewPerson(102, "李华", ResidentIdNumber.Compose("220403", new DateOnly(1990, 1, 3), 246), "13800000002");
    /// <summary>
    /// Two districts' residents (ADR 0028), loaded when <see cref="TwoDistricts"/> is set: Erin at home in 龙山区 (the
    /// scenario's district, 220402), Dave in 西安区 (220403), each in a household of their own district's address tree.
    /// Off by default so the other tests' rosters and counts stay as they were.
    /// </summary>
    public bool TwoDistricts { get; set; }
    public const string DistrictX = "220402", DistrictY = "220403";
    public const long ErinId = 770402, DaveId = 770403, DaveHouseholdId = 2, ErinHouseholdId = 3;
    /// <summary>District-level accounts (ids 12–15): an epidemiologist of each district, an administrator and a commander of 龙山区.</summary>
    public static readonly string[] DistrictUsers = ["epi-x", "epi-y", "admin-x", "command-x"];
    public Person Erin { get; } = NewPerson(ErinId, "钱龙山", ResidentIdNumber.Compose("220402", new DateOnly(1978, 3, 4), 321), "13800000004");
    public Person Dave { get; } = NewPerson(DaveId, "赵西安", ResidentIdNumber.Compose("220403", new DateOnly(1969, 7, 8), 432), "13800000005");
    public Person Carol { get; } = NewPerson(103, "欧阳娜娜", ResidentIdNumber.Compose("220421", new DateOnly(2001, 9, 30), 88), "13800000003");

    public async Task LoadAsync(FangkongDb db)
    {
        foreach (var d in Regions.Liaoyuan)
            db.Districts.Add(new DistrictRow { Code = d.Code, Name = d.Name, EnglishName = d.EnglishName, CityCode = Regions.LiaoyuanCityCode });
        db.Venues.Add(new Venue
        {
            Id = HallId,
            Name = "辽源市政务服务中心",
            Type = VenueType.ServiceHall,
            DistrictCode = "220402",
            Capacity = HallCapacity,
            Opens = HallOpens,
            Closes = HallCloses,
            RequiredNegativeTestHours = HallNegativeTestHours,
        });
        db.Venues.Add(new Venue
        {
            Id = OtherVenueId,
            Name = "龙山区农贸市场",
            Type = VenueType.Market,
            DistrictCode = "220402",
            Capacity = 200,
            Opens = new TimeOnly(5, 0),
            Closes = new TimeOnly(18, 0),
        });
        db.GateDevices.Add(new GateDevice { Id = DeviceId, VenueId = HallId, Name = "东门 1号机" });
        db.GateDevices.Add(new GateDevice { Id = OtherDeviceId, VenueId = OtherVenueId, Name = "正门" });
        db.Persons.AddRange(Alice, Bob, Carol);
        db.Streets.Add(new Street { Id = 1, DistrictCode = "220402", Name = "向阳街道" });
        db.Communities.Add(new Fangkong.Core.People.Community { Id = CommunityId, StreetId = 1, Name = "福镇社区" });
        db.Compounds.Add(new Compound { Id = 1, CommunityId = CommunityId, Name = "福民小区" });
        db.Buildings.Add(new Building { Id = 1, CompoundId = 1, Number = 1 });
        db.Units.Add(new BuildingUnit { Id = 1, BuildingId = 1, Number = 1 });
        db.Households.Add(new Household { Id = HouseholdId, UnitId = 1, Number = "101" });
        if (TwoDistricts)
        {
            db.Streets.Add(new Street { Id = 2, DistrictCode = DistrictY, Name = "富国街道" });
            db.Communities.Add(new Fangkong.Core.People.Community { Id = 2, StreetId = 2, Name = "西宁社区" });
            db.Compounds.Add(new Compound { Id = 2, CommunityId = 2, Name = "西宁小区" });
            db.Buildings.Add(new Building { Id = 2, CompoundId = 2, Number = 1 });
            db.Units.Add(new BuildingUnit { Id = 2, BuildingId = 2, Number = 1 });
            db.Households.Add(new Household { Id = DaveHouseholdId, UnitId = 2, Number = "201" });
            db.Households.Add(new Household { Id = ErinHouseholdId, UnitId = 1, Number = "102" });
            Erin.HouseholdId = ErinHouseholdId; Erin.DistrictCode = DistrictX; Erin.CommunityId = CommunityId;
            Dave.HouseholdId = DaveHouseholdId; Dave.DistrictCode = DistrictY; Dave.CommunityId = 2;
            db.Persons.AddRange(Erin, Dave);
        }
        db.Grids.Add(new Fangkong.Core.Community.Grid { Id = GridId, CommunityId = CommunityId, Number = 1, Name = "第1网格", WorkerName = "王丽" });
        db.GridHouseholds.Add(new Fangkong.Core.Community.GridHousehold { HouseholdId = HouseholdId, GridId = GridId, CommunityId = CommunityId });
        // The published test password needs no stretching; each sign-in verifies it, hundreds of times a run (the
        // account tests hash and verify chosen passwords at the full count).
        var hash = PasswordHasher.Hash(Password, PasswordHasher.RandomSecretIterations);
        db.Users.AddRange(
            new User { Id = 1, UserName = "admin", DisplayName = "管理员", PasswordHash = hash, Role = Roles.Administrator },
            new User { Id = 2, UserName = "admin2", DisplayName = "管理员二", PasswordHash = hash, Role = Roles.Administrator },
            new User { Id = 3, UserName = "epi", DisplayName = "流调员", PasswordHash = hash, Role = Roles.Epidemiologist },
            new User { Id = 4, UserName = "manager", DisplayName = "场所负责人", PasswordHash = hash, Role = Roles.VenueManager, VenueId = HallId },
            new User { Id = 5, UserName = "gate", DisplayName = "门岗", PasswordHash = hash, Role = Roles.GateOperator, VenueId = HallId, DeviceId = DeviceId },
            new User { Id = 6, UserName = "resident", DisplayName = "居民", PasswordHash = hash, Role = Roles.Resident, PersonId = Alice.Id },
            new User { Id = 7, UserName = "sampler", DisplayName = "采样员", PasswordHash = hash, Role = Roles.Sampler },
            new User { Id = 8, UserName = "lab", DisplayName = "检测员", PasswordHash = hash, Role = Roles.LabTechnician },
            new User { Id = 9, UserName = "command", DisplayName = "指挥部", PasswordHash = hash, Role = Roles.Commander },
            new User { Id = 10, UserName = "grid", DisplayName = "王丽", PasswordHash = hash, Role = Roles.GridWorker, JurisdictionLevel = JurisdictionLevel.Grid, JurisdictionId = GridId },
            new User { Id = 11, UserName = "officer", DisplayName = "社区干部", PasswordHash = hash, Role = Roles.CommunityOfficer, JurisdictionLevel = JurisdictionLevel.Community, JurisdictionId = CommunityId },
            new User { Id = 12, UserName = "epi-x", DisplayName = "龙山区流调员", PasswordHash = hash, Role = Roles.Epidemiologist, JurisdictionLevel = JurisdictionLevel.District, JurisdictionId = 220402 },
            new User { Id = 13, UserName = "epi-y", DisplayName = "西安区流调员", PasswordHash = hash, Role = Roles.Epidemiologist, JurisdictionLevel = JurisdictionLevel.District, JurisdictionId = 220403 },
            new User { Id = 14, UserName = "admin-x", DisplayName = "龙山区管理员", PasswordHash = hash, Role = Roles.Administrator, JurisdictionLevel = JurisdictionLevel.District, JurisdictionId = 220402 },
            new User { Id = 15, UserName = "command-x", DisplayName = "龙山区指挥部", PasswordHash = hash, Role = Roles.Commander, JurisdictionLevel = JurisdictionLevel.District, JurisdictionId = 220402 },
            new User { Id = 16, UserName = "supplier", DisplayName = "超市配送员", PasswordHash = hash, Role = Roles.Supplier },
            new User { Id = 20, UserName = "hotline", DisplayName = "热线话务员", PasswordHash = hash, Role = Roles.HotlineOperator, JurisdictionLevel = JurisdictionLevel.City },
            new User { Id = 30, UserName = "checkpoint", DisplayName = "卡口值守员", PasswordHash = hash, Role = Roles.CheckpointStaff, JurisdictionLevel = JurisdictionLevel.District, JurisdictionId = 220402 },
            new User { Id = 31, UserName = "passes", DisplayName = "通行证审批员", PasswordHash = hash, Role = Roles.PassOfficer, JurisdictionLevel = JurisdictionLevel.City },
            // A class teacher reporting for one institution (issue 23); a test points it at the institution it registers.
            new User { Id = SchoolUserId, UserName = "school", DisplayName = "班主任", PasswordHash = hash, Role = Roles.InstitutionReporter, JurisdictionLevel = JurisdictionLevel.Institution, JurisdictionId = 80 },
            // Supervision (issue 24): an inspector and a supervisor of 龙山区.
            new User { Id = 90, UserName = "inspector", DisplayName = "督查员", PasswordHash = hash, Role = Roles.Inspector, JurisdictionLevel = JurisdictionLevel.District, JurisdictionId = 220402 },
            new User { Id = 91, UserName = "supervisor", DisplayName = "督查组长", PasswordHash = hash, Role = Roles.Supervisor, JurisdictionLevel = JurisdictionLevel.District, JurisdictionId = 220402 });
        db.Suppliers.Add(new Fangkong.Core.Supplies.Supplier { Id = SupplierId, Name = "欧亚超市", Kind = Fangkong.Domain.Supplies.SupplierKind.Supermarket, CreatedAtUtc = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc) });
        db.SupplierAreas.Add(new Fangkong.Core.Supplies.SupplierArea { SupplierId = SupplierId, DistrictCode = DistrictX });
        db.SupplierAccounts.Add(new Fangkong.Core.Supplies.SupplierAccount { UserId = 16, SupplierId = SupplierId });
        db.SupplyPacks.Add(new Fangkong.Core.Supplies.SupplyPack
        {
            Id = PackId,
            SupplierId = SupplierId,
            Name = "蔬菜包",
            Kind = Fangkong.Domain.Supplies.PackKind.Vegetables,
            Contents = "白菜2kg、土豆1.5kg、胡萝卜1kg、洋葱0.5kg",
            WeightKg = 5m,
            Price = 39m,
            DailyStock = 1000,
        });
        await db.SaveChangesAsync();
    }

    private static Person NewPerson(long id, string name, string idNumber, string phone) => new()
    {
        Id = id,
        DocumentType = DocumentType.ResidentIdCard,
        DocumentNumber = idNumber,
        Name = name,
        Phone = phone,
        Sex = (idNumber[16] - '0') % 2 == 1 ? Sex.Male : Sex.Female,
        Token = "tok" + id + "xxxxxxxxxxxxxxxx",
        CreatedAtUtc = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
    };
}
