using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Institutions;

/// <summary>
/// Imports a list of institutions (CSV or XLSX): each row keyed by its name and district, so the same list imported twice
/// makes each once. One bad row and nothing is written; the report names each by line and field.
/// Header (Chinese or English, any order): 名称/name, 类型/kind, 区县/district (code or name), 地址/address, 职工/staff,
/// 学生/students, 入住/residents, 床位/beds, 负责人/responsible, 电话/phone, 防控方案/plan.
/// </summary>
public sealed class InstitutionImport(InstitutionRegistry registry)
{
    private static readonly Dictionary<string, string> Headers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["名称"] = "name",
        ["单位名称"] = "name",
        ["name"] = "name",
        ["类型"] = "kind",
        ["kind"] = "kind",
        ["type"] = "kind",
        ["区县"] = "district",
        ["所属区县"] = "district",
        ["district"] = "district",
        ["地址"] = "address",
        ["address"] = "address",
        ["职工"] = "staff",
        ["职工人数"] = "staff",
        ["staff"] = "staff",
        ["学生"] = "students",
        ["学生人数"] = "students",
        ["students"] = "students",
        ["入住"] = "residents",
        ["入住人数"] = "residents",
        ["residents"] = "residents",
        ["床位"] = "beds",
        ["beds"] = "beds",
        ["负责人"] = "responsible",
        ["responsible"] = "responsible",
        ["电话"] = "phone",
        ["联系电话"] = "phone",
        ["phone"] = "phone",
        ["防控方案"] = "plan",
        ["plan"] = "plan",
    };

    private static readonly string[] Required = ["name", "kind", "district", "responsible"];

    public async Task<ImportReport> ImportAsync(FangkongDb db, Stream file, string fileName, CancellationToken ct)
    {
        var rows = InstitutionSheets.Read(file, fileName, Headers, Required);
        var districts = await db.Districts.AsNoTracking().Select(d => new { d.Code, d.Name }).ToListAsync(ct);
        var problems = new List<ImportProblem>();
        var good = new List<Institution>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            try
            {
                var d = row.Cell("district")?.Trim() ?? "";
                var code = districts.FirstOrDefault(x => x.Code == d || x.Name == d)?.Code ?? d;
                var kind = InstitutionSheets.Word<Domain.Institutions.InstitutionKind>(row.Cell("kind"), (k, c) => InstitutionWords.Of(k, c))
                    ?? throw new InputException("kind", Messages.Get("Institutions.Kind"));
                var form = new InstitutionForm(row.Cell("name"), kind, code, null, row.Cell("address"),
                    InstitutionSheets.Number(row.Cell("staff"), "staff"), InstitutionSheets.Number(row.Cell("students"), "students"),
                    InstitutionSheets.Number(row.Cell("residents"), "residents"), InstitutionSheets.Number(row.Cell("beds"), "beds"),
                    row.Cell("responsible"), row.Cell("phone"), row.Cell("plan"));
                var key = $"x:{form.Name?.Trim()}:{code}";
                if (!seen.Add(key)) throw new InputException("name", Messages.Get("Institutions.Import.Twice"));
                good.Add(await registry.CheckAsync(db, form, key, ct));
            }
            catch (InputException e) { problems.Add(new ImportProblem(row.Line, e.Field, e.Message)); }
        }
        if (problems.Count > 0) return new ImportReport(rows.Count, 0, 0, problems);
        var keys = good.Select(g => g.SourceKey!).ToList();
        var existing = (await db.Institutions.IgnoreQueryFilters().Where(i => i.SourceKey != null && keys.Contains(i.SourceKey)).Select(i => i.SourceKey!).ToListAsync(ct)).ToHashSet();
        var fresh = good.Where(g => !existing.Contains(g.SourceKey!)).ToList();
        db.Institutions.AddRange(fresh);
        // One save is one transaction: every new institution of the list, or none.
        if (fresh.Count > 0) await db.SaveChangesAsync(ct);
        return new ImportReport(rows.Count, fresh.Count, good.Count - fresh.Count, []);
    }
}
