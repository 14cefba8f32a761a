using Fangkong.Core.Data;
using Fangkong.Domain.Community;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Seeding;

/// <summary>
/// The demo city's special-groups register (domain.md §8), deterministically from the person id: the bedridden are the
/// third of residents over 80 who used to be marked "cannot come down" by the seeder alone, now registered as the
/// community would register them; then the disabled, elderly living alone, low-income households, veterans, pregnant
/// women, dialysis and chemotherapy patients, each with their grid's worker responsible. Bedridden and disabled
/// persons get the "immobile" sampling marker from their registration, as registering one at run time does.
/// </summary>
internal static class SpecialGroupSeeds
{
    public static async Task RegisterAsync(FangkongDb db, DateOnly today, DateTime nowUtc, long registeredBy, CancellationToken ct)
    {
        int G(SpecialGroup g) => (int)g;
        var over80 = today.AddYears(-80);
        var over70 = today.AddYears(-70);
        var over45 = today.AddYears(-45);
        var over40 = today.AddYears(-40);
        var over35 = today.AddYears(-35);
        var age22 = today.AddYears(-22);
        var age38 = today.AddYears(-38);
        // Sex: 1 male, 2 female (the Sex enum's numbers).
        await InsertAsync(db, G(SpecialGroup.Bedridden), nowUtc, registeredBy, $"""p."BirthDate" < '{Day(over80)}' AND p."Id" % 3 = 0""", ct);
        await InsertAsync(db, G(SpecialGroup.Disabled), nowUtc, registeredBy, """p."Id" % 160 = 17""", ct);
        await InsertAsync(db, G(SpecialGroup.ElderlyAlone), nowUtc, registeredBy,
            $"""p."BirthDate" < '{Day(over70)}' AND (SELECT COUNT(*) FROM persons q WHERE q."HouseholdId" = p."HouseholdId") = 1""", ct);
        await InsertAsync(db, G(SpecialGroup.LowIncome), nowUtc, registeredBy, """p."HouseholdId" % 40 = 3""", ct);
        await InsertAsync(db, G(SpecialGroup.Veteran), nowUtc, registeredBy, $"""p."Sex" = 1 AND p."BirthDate" < '{Day(over45)}' AND p."Id" % 60 = 11""", ct);
        await InsertAsync(db, G(SpecialGroup.Pregnant), nowUtc, registeredBy,
            $"""p."Sex" = 2 AND p."BirthDate" <= '{Day(age22)}' AND p."BirthDate" > '{Day(age38)}' AND p."Id" % 40 = 5""", ct);
        await InsertAsync(db, G(SpecialGroup.Dialysis), nowUtc, registeredBy, $"""p."BirthDate" < '{Day(over40)}' AND p."Id" % 1000 = 7""", ct);
        await InsertAsync(db, G(SpecialGroup.Chemotherapy), nowUtc, registeredBy, $"""p."BirthDate" < '{Day(over35)}' AND p."Id" % 800 = 13""", ct);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO person_markers ("PersonId", "Kind")
            SELECT DISTINCT "PersonId", 1 FROM special_group_members WHERE "Group" IN ({G(SpecialGroup.Bedridden)}, {G(SpecialGroup.Disabled)})
            """, ct);
    }

    // The condition is built in this file from dates and numbers only (never from input); the registration time is a parameter.
#pragma warning disable EF1002
    private static Task<int> InsertAsync(FangkongDb db, int group, DateTime nowUtc, long registeredBy, string condition, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync($$"""
            INSERT INTO special_group_members ("Id", "PersonId", "Group", "CommunityId", "GridId", "ResponsibleName", "RegisteredByUserId", "RegisteredAtUtc")
            SELECT p."Id" * 10 + {{group}}, p."Id", {{group}}, g."CommunityId", g."GridId", gr."WorkerName", {{registeredBy}}, {0}
            FROM persons p
            JOIN grid_households g ON g."HouseholdId" = p."HouseholdId"
            JOIN grids gr ON gr."Id" = g."GridId"
            WHERE {{condition}}
            """, [nowUtc], ct);
#pragma warning restore EF1002

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
