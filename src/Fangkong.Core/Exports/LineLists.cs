using System.Linq.Expressions;
using System.Text.Json;
using System.Text.Json.Serialization;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Documents;
using Fangkong.Core.Quarantine;
using Fangkong.Core.Testing;
using Fangkong.Core.Tracing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Exports;

/// <summary>The line lists an export job can write, each read in key order batch by batch.</summary>
public static class LineLists
{
    public const string Cases = "cases";
    public const string Contacts = "contacts";
    public const string Quarantined = "quarantine";
    public const string Tests = "tests";
    public static readonly IReadOnlyList<string> Names = [Cases, Contacts, Quarantined, Tests];

    /// <summary>Enums by name, camelCase: the form both the API and the stored jobs use.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Reads and checks a filter for <paramref name="list"/>; a bad list or filter names the field.</summary>
    public static LineListSource Source(FangkongDb db, string list, string? filterJson, CityClock clock) => list switch
    {
        Cases => Make(CaseLines.Query(db, Read<CaseLineFilter>(filterJson), clock), r => r.Id, r => r.Masked(), (r, en) => CaseLines.Cells(r, en, clock), CaseLines.Header, "病例", "Cases"),
        Contacts => Make(ContactLines.Query(db, Read<ContactLineFilter>(filterJson), clock), r => r.Id, r => r.Masked(), (r, en) => ContactLines.Cells(r, en, clock), ContactLines.Header, "密接", "Contacts"),
        Quarantined => Make(QuarantineLines.Query(db, Read<QuarantineLineFilter>(filterJson), clock), r => r.Id, r => r.Masked(), (r, en) => QuarantineLines.Cells(r, en, clock), QuarantineLines.Header, "隔离人员", "Quarantine"),
        Tests => Make(TestLines.Query(db, Read<TestLineFilter>(filterJson), clock), r => r.Id, r => r.Masked(), (r, en) => TestLines.Cells(r, en, clock), TestLines.Header, "核酸采样", "Samples"),
        _ => throw new InputException("list", $"没有这个名单 / the list is one of {string.Join(", ", Names)}"),
    };

    /// <summary>The filter as stored with a job: normalised, enums by name.</summary>
    public static string Normalise(string list, string? filterJson) => list switch
    {
        Cases => JsonSerializer.Serialize(Read<CaseLineFilter>(filterJson), Json),
        Contacts => JsonSerializer.Serialize(Read<ContactLineFilter>(filterJson), Json),
        Quarantined => JsonSerializer.Serialize(Read<QuarantineLineFilter>(filterJson), Json),
        Tests => JsonSerializer.Serialize(Read<TestLineFilter>(filterJson), Json),
        _ => throw new InputException("list", $"没有这个名单 / the list is one of {string.Join(", ", Names)}"),
    };

    /// <summary>Unmasked rows need a stated purpose, and every such read is kept in the trace-access audit.</summary>
    public static void AuditReveal(FangkongDb db, TimeOrderedIds ids, CityClock clock, TraceReader reader, string kind)
    {
        var purpose = reader.Purpose?.Trim();
        if (purpose is null || purpose.Length < 4)
            throw new InputException("purpose", "查看明文须说明目的（至少4个字） / unmasked rows need a purpose (at least 4 characters)");
        if (purpose.Length > 500) throw new InputException("purpose", "目的过长 / the purpose is longer than 500 characters");
        var now = clock.UtcNow;
        TraceService.Audit(db, ids, reader, null, null, kind, purpose, now, now, now);
    }

    private static T Read<T>(string? json) where T : new()
    {
        if (string.IsNullOrWhiteSpace(json)) return new T();
        try
        {
            using (var doc = JsonDocument.Parse(json))
                if (doc.RootElement.ValueKind == JsonValueKind.Object)
                    FilterFields.OnlyKnown(doc.RootElement.EnumerateObject().Select(p => p.Name), FilterFields.Of(typeof(T)), "filter.");
            return JsonSerializer.Deserialize<T>(json, Json) ?? new T();
        }
        catch (JsonException e)
        {
            throw new InputException("filter" + (e.Path is { Length: > 1 } p ? p[1..] : ""), "筛选条件无效 / the filter cannot be read: " + e.Message);
        }
    }

    private static LineListSource<T> Make<T>(IQueryable<T> rows, Expression<Func<T, long>> key, Func<T, T> mask, Func<T, bool, IReadOnlyList<object?>> cells,
        Func<bool, IReadOnlyList<TableColumn>> header, string sheetZh, string sheetEn) => new(rows, key, mask, cells, header, sheetZh, sheetEn);
}

/// <summary>One list under one filter, as an export reads it.</summary>
public abstract class LineListSource
{
    public abstract string Sheet(bool english);
    public abstract IReadOnlyList<TableColumn> Header(bool english);
    public abstract Task<long> CountAsync(CancellationToken ct);

    /// <summary>The rows in key order (newest first), <paramref name="batch"/> at a time, masked unless revealed.</summary>
    public abstract IAsyncEnumerable<List<IReadOnlyList<object?>>> BatchesAsync(bool masked, bool english, int batch, CancellationToken ct);
}

public sealed class LineListSource<T>(IQueryable<T> rows, Expression<Func<T, long>> key, Func<T, T> mask, Func<T, bool, IReadOnlyList<object?>> cells,
    Func<bool, IReadOnlyList<TableColumn>> header, string sheetZh, string sheetEn) : LineListSource
{
    private readonly Func<T, long> _key = key.Compile();

    public override string Sheet(bool english) => english ? sheetEn : sheetZh;
    public override IReadOnlyList<TableColumn> Header(bool english) => header(english);
    public override Task<long> CountAsync(CancellationToken ct) => rows.LongCountAsync(ct);

    public override async IAsyncEnumerable<List<IReadOnlyList<object?>>> BatchesAsync(bool masked, bool english, int batch,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        long? after = null;
        while (true)
        {
            var page = await Keyset.After(rows, key, after).Take(batch).ToListAsync(ct);
            if (page.Count == 0) yield break;
            after = _key(page[^1]);
            yield return page.Select(r => cells(masked ? mask(r) : r, english)).ToList();
            if (page.Count < batch) yield break;
        }
    }
}
