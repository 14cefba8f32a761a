using System.Globalization;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Documents;
using Fangkong.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Requests;

/// <summary>A row of a platform's file that cannot become a ticket: its line, the field and why.</summary>
public sealed record TicketImportProblem(int Line, string Field, string Message);

/// <summary>What an import did: every row a new ticket or one imported before (never twice), or the problems and nothing written.</summary>
public sealed record TicketImportReport(int Rows, int Created, int AlreadyImported, IReadOnlyList<TicketImportProblem> Problems);

/// <summary>
/// Imports another platform's export file (CSV or XLSX) of requests: each row keyed by the platform's own ticket id,
/// so the same file imported twice — or an overlapping later export — makes each ticket once. The caller's number finds
/// the household when exactly one resident has it. One bad row and nothing is written; the report names each.
/// Header (Chinese or English, any order): 工单编号/id, 来电号码/phone, 姓名/name, 诉求类别/category, 诉求内容/text, 紧急程度/urgency.
/// </summary>
public sealed class TicketImport(TicketIntake intake, TimeProvider time)
{
    public const int MaxRows = 20_000, MaxExternalId = 64;

    private static readonly Dictionary<string, string> Headers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["工单编号"] = "id",
        ["工单号"] = "id",
        ["id"] = "id",
        ["ticket"] = "id",
        ["ticket id"] = "id",
        ["来电号码"] = "phone",
        ["手机"] = "phone",
        ["phone"] = "phone",
        ["姓名"] = "name",
        ["来电人"] = "name",
        ["name"] = "name",
        ["诉求类别"] = "category",
        ["类别"] = "category",
        ["category"] = "category",
        ["诉求内容"] = "text",
        ["内容"] = "text",
        ["text"] = "text",
        ["content"] = "text",
        ["紧急程度"] = "urgency",
        ["urgency"] = "urgency",
    };

    private static readonly string[] Required = ["id", "category", "text"];

    public async Task<TicketImportReport> ImportAsync(FangkongDb db, long userId, string? platform, Stream file, string fileName, CancellationToken ct)
    {
        var name = platform?.Trim() ?? "";
        if (name.Length == 0) throw new InputException("platform", Messages.Get("Requests.PlatformRequired"));
        if (name.Length > TicketIntake.MaxPlatform) throw new InputException("platform", Messages.Get("Requests.PlatformTooLong", TicketIntake.MaxPlatform));
        ControlCharacters.Check(name, "platform");
        var rows = Rows(file, fileName);
        var problems = new List<TicketImportProblem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var good = new List<(string Key, TicketIntake.CheckedDraft Draft)>();
        // The phones of the file, each looked up once: a number one resident has finds their household.
        var phones = rows.Select(r => TryPhone(r.Cell("phone"))).OfType<string>().Distinct().ToList();
        var owners = (await db.Persons.AsNoTracking().Where(p => p.Phone != null && phones.Contains(p.Phone)).Select(p => new { p.Id, p.Phone }).ToListAsync(ct))
            .GroupBy(p => p.Phone!).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single().Id);
        foreach (var row in rows)
        {
            try
            {
                var id = row.Cell("id")?.Trim() ?? "";
                if (id.Length is 0 or > MaxExternalId) throw new InputException("id", Messages.Get("Requests.Import.Id", MaxExternalId));
                ControlCharacters.Check(id, "id");
                if (!seen.Add(id)) throw new InputException("id", Messages.Get("Requests.Import.Twice", id));
                var phone = TryPhone(row.Cell("phone"));
                var draft = new TicketDraft(null, Category(row.Cell("category")), row.Cell("text"), Urgency(row.Cell("urgency")), null, row.Cell("phone"), row.Cell("name"),
                    phone is not null && owners.TryGetValue(phone, out var person) ? person : null, null, name);
                var text = draft.Text?.Trim() ?? "";
                good.Add(($"x:{name}:{id}", await TicketIntake.CheckAsync(db, RequestSource.Platform, draft, text, ct)));
            }
            catch (InputException e) { problems.Add(new TicketImportProblem(row.Line, e.Field, e.Message)); }
            catch (NotFoundException e) { problems.Add(new TicketImportProblem(row.Line, e.Field, e.Message)); }
        }
        if (problems.Count > 0) return new TicketImportReport(rows.Count, 0, 0, problems);

        var keys = good.Select(g => g.Key).ToList();
        var existing = (await db.Tickets.IgnoreQueryFilters().Where(t => t.SourceKey != null && keys.Contains(t.SourceKey)).Select(t => t.SourceKey!).ToListAsync(ct)).ToHashSet();
        var now = time.GetUtcNow().UtcDateTime;
        var created = 0;
        foreach (var g in good.Where(g => !existing.Contains(g.Key)))
        {
            var ticket = intake.New(userId, RequestSource.Platform, g.Draft, g.Key, now);
            db.Tickets.Add(ticket);
            intake.AddFirstEvents(db, ticket, userId, now);
            created++;
        }
        // One save is one transaction: every new ticket of the file, or none.
        if (created > 0) await db.SaveChangesAsync(ct);
        return new TicketImportReport(rows.Count, created, good.Count - created, []);
    }

    private static List<SheetRecord> Rows(Stream file, string fileName) =>
        SheetLines.Records(file, fileName, Headers, Required, MaxRows, missing => Messages.Get("Requests.Import.MissingColumn", missing),
            () => Messages.Get("Requests.Import.TooMany", MaxRows), () => Messages.Get("Requests.Import.Empty"));

    private static string? TryPhone(string? phone)
    {
        try { return string.IsNullOrWhiteSpace(phone) ? null : Accounts.Phones.Normalise("phone", phone); }
        catch (InputException) { return null; }
    }

    private static RequestCategory? Category(string? text) => Word<RequestCategory>(text, "category", "Requests.Category");

    private static RequestUrgency? Urgency(string? text) => string.IsNullOrWhiteSpace(text) ? null : Word<RequestUrgency>(text, "urgency", "Requests.Urgency");

    /// <summary>An enum by its name or its Chinese or English word ("药品", "Medicine").</summary>
    private static TEnum? Word<TEnum>(string? text, string field, string problem) where TEnum : struct, Enum
    {
        var t = text?.Trim() ?? "";
        foreach (var v in Enum.GetValues<TEnum>())
            if (t.Equals(v.ToString(), StringComparison.OrdinalIgnoreCase) || t == TicketWords.Of(v, CultureInfo.GetCultureInfo("zh-CN"))
                || t.Equals(TicketWords.Of(v, CultureInfo.GetCultureInfo("en")), StringComparison.OrdinalIgnoreCase))
                return v;
        throw new InputException(field, Messages.Get(problem));
    }
}
