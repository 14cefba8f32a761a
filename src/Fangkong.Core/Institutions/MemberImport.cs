using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Institutions;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Institutions;

/// <summary>
/// Imports an institution's members (a school's students and teachers, a home's residents and staff) from CSV or XLSX:
/// each row an ID number the registry knows (its name must match, so a typed digit cannot link a stranger), a unit (class,
/// workshop, ward) and a kind. A person already a member is left as is. One bad row and nothing is written; the rows are
/// written set-based in one transaction (a school's thousands of students in well under a second).
/// Header (Chinese or English, any order): 身份证号/idNumber, 姓名/name, 班级/unit (单位, 车间, 病区), 类别/kind.
/// </summary>
public sealed class MemberImport(TimeOrderedIds ids, CityClock clock)
{
    private static readonly Dictionary<string, string> Headers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["身份证号"] = "id",
        ["证件号码"] = "id",
        ["idnumber"] = "id",
        ["id number"] = "id",
        ["姓名"] = "name",
        ["name"] = "name",
        ["班级"] = "unit",
        ["单位"] = "unit",
        ["车间"] = "unit",
        ["病区"] = "unit",
        ["部门"] = "unit",
        ["unit"] = "unit",
        ["类别"] = "kind",
        ["身份"] = "kind",
        ["kind"] = "kind",
    };

    private static readonly string[] Required = ["id", "name", "unit"];

    public async Task<ImportReport> ImportAsync(FangkongDb db, long institutionId, long? reporterInstitution, Stream file, string fileName, CancellationToken ct)
    {
        var institution = await InstitutionReads.VisibleAsync(db, institutionId, reporterInstitution, ct);
        var rows = InstitutionSheets.Read(file, fileName, Headers, Required);
        var numbers = rows.Select(r => r.Cell("id")?.Trim().ToUpperInvariant() ?? "").Where(n => n.Length > 0).Distinct().ToList();
        Dictionary<string, (long Id, string Name)> persons;
        // Members live anywhere in the city: the lookup is the registry's, whatever the officer's own area.
        using (db.WholeCity())
            persons = (await db.Persons.AsNoTracking().Where(p => numbers.Contains(p.DocumentNumber)).Select(p => new { p.Id, p.DocumentNumber, p.Name }).ToListAsync(ct))
                .GroupBy(p => p.DocumentNumber).ToDictionary(g => g.Key, g => (g.First().Id, g.First().Name));
        var defaultKind = institution.Kind switch
        {
            InstitutionKind.School or InstitutionKind.College => MemberKind.Student,
            InstitutionKind.NursingHome or InstitutionKind.ChildWelfare => MemberKind.Resident,
            _ => MemberKind.Staff,
        };
        var problems = new List<ImportProblem>();
        var good = new List<(long PersonId, string Unit, MemberKind Kind)>();
        var seen = new HashSet<long>();
        foreach (var row in rows)
        {
            try
            {
                var number = row.Cell("id")?.Trim().ToUpperInvariant() ?? "";
                if (number.Length == 0) throw new InputException("idNumber", Messages.Get("Institutions.Required"));
                if (!persons.TryGetValue(number, out var person)) throw new InputException("idNumber", Messages.Get("Institutions.Import.NoSuchPerson"));
                if ((row.Cell("name")?.Trim() ?? "") != person.Name) throw new InputException("name", Messages.Get("Institutions.Import.NameDiffers"));
                if (!seen.Add(person.Id)) throw new InputException("idNumber", Messages.Get("Institutions.Import.Twice"));
                var unit = InstitutionRegistry.Text(row.Cell("unit"), "unit", InstitutionRegistry.MaxUnit, required: true)!;
                var kindCell = row.Cell("kind");
                var kind = string.IsNullOrWhiteSpace(kindCell) ? defaultKind
                    : InstitutionSheets.Word<MemberKind>(kindCell, (k, c) => InstitutionWords.Of(k, c)) ?? throw new InputException("kind", Messages.Get("Institutions.MemberKind"));
                good.Add((person.Id, unit, kind));
            }
            catch (InputException e) { problems.Add(new ImportProblem(row.Line, e.Field, e.Message)); }
        }
        if (problems.Count > 0) return new ImportReport(rows.Count, 0, 0, problems);

        var existing = (await db.InstitutionMembers.AsNoTracking().Where(m => m.InstitutionId == institutionId).Select(m => m.PersonId).ToListAsync(ct)).ToHashSet();
        var now = clock.UtcNow;
        var fresh = good.Where(g => !existing.Contains(g.PersonId))
            .Select(g => new InstitutionMember { Id = ids.Next(), InstitutionId = institutionId, PersonId = g.PersonId, Unit = g.Unit, Kind = g.Kind, AddedAtUtc = now })
            .ToList();
        if (fresh.Count > 0)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await DirectInserts.InsertAsync(db, fresh, ct);
            await tx.CommitAsync(ct);
        }
        return new ImportReport(rows.Count, fresh.Count, good.Count - fresh.Count, []);
    }
}
