using Fangkong.Core.Accounts;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Staff;

/// <summary>Something wrong with a row of a team's file: its line, the field and why, in the reader's language.</summary>
public sealed record TeamImportProblem(int Line, string Field, string Message);

/// <summary>Either every row's new account with its one-time password, or the problems and nothing written.</summary>
public sealed record TeamImportReport(int Rows, IReadOnlyList<TeamImportProblem> Problems, IReadOnlyList<InitialPassword> Created);

/// <summary>
/// Onboards a team from a file: every row is checked first (fields, roles, the area against the store, duplicates in
/// the file and against existing accounts); one bad row and nothing is written. Otherwise all accounts are written in
/// one transaction, with a few queries for the whole file rather than any per row (ADR 0023).
/// </summary>
public sealed class TeamImport(StaffAccounts accounts)
{
    /// <param name="defaultArea">The area for rows that leave theirs empty ("community:12"), as the page's "assign to" field.</param>
    public async Task<TeamImportReport> ImportAsync(FangkongDb db, long actorUserId, IReadOnlyList<TeamRow> rows, string? defaultArea, CancellationToken ct)
    {
        if (rows.Count == 0) throw new InputException("file", Messages.Get("Staff.Import.Empty"));
        var fallback = await AccountAreas.ResolveAsync(db, "area", defaultArea, ct);
        if (!string.IsNullOrWhiteSpace(defaultArea)) await AdministeredAccounts.CheckAreaAsync(db, fallback, "area", ct);
        var problems = new List<TeamImportProblem>();
        var today = accounts.Today();
        var good = new List<(int Line, CheckedStaff Staff, string? Area)>();
        foreach (var row in rows)
        {
            var (ok, field, reason) = StaffChecks.Check(row.Staff, today);
            if (ok is null) problems.Add(new TeamImportProblem(row.Line, field!, reason!));
            else good.Add((row.Line, ok, string.IsNullOrWhiteSpace(row.Staff.Area) ? null : row.Staff.Area.Trim()));
        }

        // Each distinct area once.
        var areas = new Dictionary<string, AccountArea?>(StringComparer.Ordinal);
        foreach (var text in good.Select(g => g.Area).OfType<string>().Distinct())
        {
            try { areas[text] = await AccountAreas.ResolveAsync(db, "area", text, ct); }
            catch (InputException) { areas[text] = null; }
        }
        foreach (var g in good.Where(g => g.Area is not null && areas[g.Area] is null))
            problems.Add(new TeamImportProblem(g.Line, "area", Messages.Get("Staff.Area.Unknown", g.Area!)));
        // A confined administrator imports within their area and appoints no administrator (ADR 0028), line by line.
        foreach (var g in good)
        {
            try
            {
                AdministeredAccounts.CheckRoles(db, g.Staff.Roles);
                var area = g.Area is null ? fallback : areas[g.Area];
                if (area is not null) await AdministeredAccounts.CheckAreaAsync(db, area, "area", ct);
            }
            catch (ForbiddenException e) { problems.Add(new TeamImportProblem(g.Line, "roles", e.Message)); }
            catch (InputException e) { problems.Add(new TeamImportProblem(g.Line, e.Field, e.Message)); }
        }

        Duplicates(good, g => g.Staff.IdNumber, "idNumber", problems);
        Duplicates(good, g => g.Staff.Phone, "phone", problems);
        var idNumbers = good.Select(g => g.Staff.IdNumber).ToList();
        var taken = (await db.Users.Where(u => u.IdNumber != null && idNumbers.Contains(u.IdNumber)).Select(u => u.IdNumber!).ToListAsync(ct)).ToHashSet();
        foreach (var g in good.Where(g => taken.Contains(g.Staff.IdNumber)))
            problems.Add(new TeamImportProblem(g.Line, "idNumber", Messages.Get("Staff.IdNumber.Taken")));

        if (problems.Count > 0)
            return new TeamImportReport(rows.Count, problems.OrderBy(p => p.Line).ThenBy(p => p.Field, StringComparer.Ordinal).ToList(), []);

        var names = await StaffUserNames.LoadAsync(db, good.Select(g => g.Staff.Roles[0]), ct);
        var created = new List<InitialPassword>(good.Count);
        foreach (var g in good)
        {
            var (user, password) = accounts.NewUser(g.Staff, g.Area is null ? fallback : areas[g.Area]!, names);
            accounts.Add(db, user, g.Staff.Roles, actorUserId, AccountChangeKinds.Imported);
            created.Add(new InitialPassword(user.Id, user.UserName, user.DisplayName, password));
        }
        // One SaveChanges is one transaction: all accounts, their roles and their change records, or none.
        await db.SaveChangesAsync(ct);
        return new TeamImportReport(rows.Count, [], created);
    }

    private static void Duplicates<T>(List<(int Line, CheckedStaff Staff, string? Area)> rows, Func<(int Line, CheckedStaff Staff, string? Area), T> key,
        string field, List<TeamImportProblem> problems) where T : notnull
    {
        var first = new Dictionary<T, int>();
        foreach (var r in rows)
        {
            if (first.TryGetValue(key(r), out var line)) problems.Add(new TeamImportProblem(r.Line, field, Messages.Get("Staff.Import.Duplicate", line)));
            else first[key(r)] = r.Line;
        }
    }
}
