using System.Globalization;
using System.Linq.Expressions;
using System.Text.Json;
using System.Text.Json.Serialization;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Documents;
using Fangkong.Core.Quarantine;
using Fangkong.Core.Requests;
using Fangkong.Core.Returnees;
using Fangkong.Core.Testing;
using Fangkong.Core.Tracing;
using Fangkong.Core.Zones;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Exports;

/// <summary>The line lists an export job can write, each read in key order batch by batch.</summary>
public static class LineLists
{
    public const string Cases = "cases";
    public const string Contacts = "contacts";
    public const string Quarantined = "quarantine";
    public const string Tests = "tests";
    public const string Zones = "zones";
    public const string Tickets = "tickets";
    public const string VenueScans = "venue-scans";
    public const string Returnees = "returnees";
    public static readonly IReadOnlyList<string> Names = [Cases, Contacts, Quarantined, Tests, Zones, Tickets, VenueScans, Returnees];

    /// <summary>Whether the list names people (masked unless revealed); the zone list names places only.</summary>
    public static bool Personal(string list) => list != Zones;

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
        Cases => Make(CaseLines.Query(db, Read<CaseLineFilter>(filterJson), clock), r => r.Id, r => r.Masked(), (r, culture) => CaseLines.Cells(r, culture, clock), CaseLines.Header, "Exports.Sheet.Cases"),
        Contacts => Make(ContactLines.Query(db, Read<ContactLineFilter>(filterJson), clock), r => r.Id, r => r.Masked(), (r, culture) => ContactLines.Cells(r, culture, clock), ContactLines.Header, "Exports.Sheet.Contacts"),
        Quarantined => Make(QuarantineLines.Query(db, Read<QuarantineLineFilter>(filterJson), clock), r => r.Id, r => r.Masked(), (r, culture) => QuarantineLines.Cells(r, culture, clock), QuarantineLines.Header, "Exports.Sheet.Quarantine"),
        Tests => Make(TestLines.Query(db, Read<TestLineFilter>(filterJson), clock), r => r.Id, r => r.Masked(), (r, culture) => TestLines.Cells(r, culture, clock), TestLines.Header, "Exports.Sheet.Samples"),
        Zones => Make(ZoneViews.Query(db, Read<ZoneLineFilter>(filterJson)), r => r.Id, r => r, (r, culture) => ZoneLines.Cells(r, culture, clock), ZoneLines.Header, "Exports.Sheet.Zones"),
        Tickets => Make(TicketLines.Query(db, Read<TicketLineFilter>(filterJson), clock), r => r.Id, r => r.Masked(), (r, culture) => TicketLines.Cells(r, culture, clock), TicketLines.Header, "Exports.Sheet.Tickets"),
        VenueScans => Make(VenueCodes.VenueScanLines.Query(db, Read<VenueCodes.VenueScanLineFilter>(filterJson), clock), r => r.Id, r => r.Masked(), (r, culture) => VenueCodes.VenueScanLines.Cells(r, culture, clock), VenueCodes.VenueScanLines.Header, "VenueCodes.Sheet"),
        Returnees => Make(ReturneeLines.Query(db, Read<ReturneeLineFilter>(filterJson), clock), r => r.Id, r => r.Masked(), (r, culture) => ReturneeLines.Cells(r, culture, clock), ReturneeLines.Header, "Exports.Sheet.Returnees"),
        _ => throw new InputException("list", Messages.Get("Exports.NoSuchList", string.Join(", ", Names))),
    };

    /// <summary>The filter as stored with a job: normalised, enums by name.</summary>
    public static string Normalise(string list, string? filterJson) => list switch
    {
        Cases => JsonSerializer.Serialize(Read<CaseLineFilter>(filterJson), Json),
        Contacts => JsonSerializer.Serialize(Read<ContactLineFilter>(filterJson), Json),
        Quarantined => JsonSerializer.Serialize(Read<QuarantineLineFilter>(filterJson), Json),
        Tests => JsonSerializer.Serialize(Read<TestLineFilter>(filterJson), Json),
        Zones => JsonSerializer.Serialize(Read<ZoneLineFilter>(filterJson), Json),
        Tickets => JsonSerializer.Serialize(Read<TicketLineFilter>(filterJson), Json),
        VenueScans => JsonSerializer.Serialize(Read<VenueCodes.VenueScanLineFilter>(filterJson), Json),
        Returnees => JsonSerializer.Serialize(Read<ReturneeLineFilter>(filterJson), Json),
        _ => throw new InputException("list", Messages.Get("Exports.NoSuchList", string.Join(", ", Names))),
    };

    /// <summary>Unmasked rows need a stated purpose, and every such read is kept in the trace-access audit.</summary>
    public static void AuditReveal(FangkongDb db, TimeOrderedIds ids, CityClock clock, TraceReader reader, string kind)
    {
        var purpose = reader.Purpose?.Trim();
        if (purpose is null || purpose.Length < 4)
            throw new InputException("purpose", Messages.Get("Exports.PurposeNeeded"));
        if (purpose.Length > 500) throw new InputException("purpose", Messages.Get("Exports.PurposeTooLong"));
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
            throw new InputException("filter" + (e.Path is { Length: > 1 } p ? p[1..] : ""), Messages.Get("Exports.BadFilter", e.Message));
        }
    }

    private static LineListSource<T> Make<T>(IQueryable<T> rows, Expression<Func<T, long>> key, Func<T, T> mask, Func<T, CultureInfo, IReadOnlyList<object?>> cells,
        Func<CultureInfo, IReadOnlyList<TableColumn>> header, string sheetKey) => new(rows, key, mask, cells, header, sheetKey);
}

/// <summary>One list under one filter, as an export reads it, worded in the export's <see cref="CultureInfo"/>.</summary>
public abstract class LineListSource
{
    public abstract string Sheet(CultureInfo culture);
    public abstract IReadOnlyList<TableColumn> Header(CultureInfo culture);
    public abstract Task<long> CountAsync(CancellationToken ct);

    /// <summary>The rows in key order (newest first), <paramref name="batch"/> at a time, masked unless revealed.</summary>
    public abstract IAsyncEnumerable<List<IReadOnlyList<object?>>> BatchesAsync(bool masked, CultureInfo culture, int batch, CancellationToken ct);
}

public sealed class LineListSource<T>(IQueryable<T> rows, Expression<Func<T, long>> key, Func<T, T> mask, Func<T, CultureInfo, IReadOnlyList<object?>> cells,
    Func<CultureInfo, IReadOnlyList<TableColumn>> header, string sheetKey) : LineListSource
{
    private readonly Func<T, long> _key = key.Compile();

    public override string Sheet(CultureInfo culture) => Messages.Get(culture, sheetKey);
    public override IReadOnlyList<TableColumn> Header(CultureInfo culture) => header(culture);
    public override Task<long> CountAsync(CancellationToken ct) => rows.LongCountAsync(ct);

    public override async IAsyncEnumerable<List<IReadOnlyList<object?>>> BatchesAsync(bool masked, CultureInfo culture, int batch,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        long? after = null;
        while (true)
        {
            var page = await Keyset.After(rows, key, after).Take(batch).ToListAsync(ct);
            if (page.Count == 0) yield break;
            after = _key(page[^1]);
            yield return page.Select(r => cells(masked ? mask(r) : r, culture)).ToList();
            if (page.Count < batch) yield break;
        }
    }
}
