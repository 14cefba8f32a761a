using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Hospitals;
using Fangkong.Domain.Hospitals;
using Fangkong.Domain.People;

namespace Fangkong.Core.Seeding;

/// <summary>The demo city's hospitals for cases: a designated hospital (定点医院) and a Fangcang hospital (方舱医院) with beds.</summary>
internal static class DemoHospitals
{
    public static async Task SeedAsync(StorageOptions storage, TimeProvider time, CancellationToken ct)
    {
        var registry = new HospitalRegistry(new TimeOrderedIds(time, TimeOrderedIds.SeedInstance), new CityClock(time));
        await using var db = new FangkongDb(storage.BuildOptions());
        // Names are data, typed once in the city's language (ADR 0020).
        await registry.CreateAsync(db, new NewHospital("辽源市传染病医院", HospitalKind.Designated, Regions.Liaoyuan[0].Code, null,
            [new WardInput("感染一病区", 40), new WardInput("感染二病区", 40), new WardInput("重症监护病区", 12)]), ct);
        await registry.CreateAsync(db, new NewHospital("辽源市体育中心方舱医院", HospitalKind.Fangcang, Regions.Liaoyuan[1].Code, null,
            [new WardInput("A区", 300), new WardInput("B区", 300)]), ct);
    }
}
