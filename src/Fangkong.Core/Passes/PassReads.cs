using System.Globalization;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Documents;
using Fangkong.Domain.Passes;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Passes;

/// <summary>The pass line list's filter (query parameters of /api/passes).</summary>
public sealed record PassFilter
{
    public PassState? State { get; init; }
    public PassKind? Kind { get; init; }
    /// <summary>Issued (approved) on or after / before this city day.</summary>
    public DateOnly? IssuedFrom { get; init; }
    public DateOnly? IssuedTo { get; init; }
    /// <summary>Only passes shown and accepted at a checkpoint at least once.</summary>
    public bool? Used { get; init; }
}

/// <summary>Passes as officers list and export them, one with its QR, a holder's own, and the printable pass.</summary>
public sealed class PassReads(PassCodes codes, CityClock clock)
{
    public async Task<KeysetPage<PassView>> PageAsync(FangkongDb db, PassFilter f, long? after, int? size, CancellationToken ct)
    {
        await codes.RevokeRedHoldersAsync(db, ct);
        var page = await Keyset.PageAsync(Query(db, f), p => p.Id, after, size, ct);
        return new KeysetPage<PassView>([.. page.Items.Select(p => PassView.Of(p))], page.Next, page.Count, page.CountCapped);
    }

    internal IQueryable<Pass> Query(FangkongDb db, PassFilter f)
    {
        var q = db.Passes.AsNoTracking();
        if (f.State is { } s) q = q.Where(p => p.State == s);
        if (f.Kind is { } k) q = q.Where(p => p.Kind == k);
        if (f.IssuedFrom is { } from)
        {
            var start = clock.StartOfDayUtc(from);
            q = q.Where(p => p.DecidedAtUtc >= start && p.State != PassState.Refused && p.State != PassState.Applied);
        }
        if (f.IssuedTo is { } to)
        {
            var end = clock.StartOfDayUtc(to.AddDays(1));
            q = q.Where(p => p.DecidedAtUtc < end && p.State != PassState.Refused && p.State != PassState.Applied);
        }
        if (f.Used == true) q = q.Where(p => db.PassUses.Any(u => u.PassId == p.Id));
        return q;
    }

    public async Task<PassView> OneAsync(FangkongDb db, long id, CancellationToken ct)
    {
        await codes.RevokeRedHoldersAsync(db, ct);
        var p = await db.Passes.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("id", Messages.Get("Passes.NoSuchPass", id));
        return PassView.Of(p, p.State == PassState.Approved ? await codes.QrAsync(p, ct) : null);
    }

    /// <summary>The holder's own passes (a resident bound to their person), each issued one with its QR for the phone.</summary>
    public async Task<IReadOnlyList<PassView>> MineAsync(FangkongDb db, long? personId, CancellationToken ct)
    {
        if (personId is not { } me) return [];
        await codes.RevokeRedHoldersAsync(db, ct);
        var rows = await db.Passes.AsNoTracking().Where(p => p.PersonId == me && p.State != PassState.Refused).OrderByDescending(p => p.Id).Take(50).ToListAsync(ct);
        var list = new List<PassView>(rows.Count);
        foreach (var p in rows) list.Add(PassView.Of(p, p.State == PassState.Approved ? await codes.QrAsync(p, ct) : null));
        return list;
    }

    /// <summary>The printable pass: an A5-sized block on A4 in both languages with the signed QR (an issued pass only).</summary>
    public async Task<byte[]> PdfAsync(FangkongDb db, long id, long? onlyPersonId, CancellationToken ct)
    {
        var view = await OneAsync(db, id, ct);
        if (onlyPersonId is { } me && !await db.Passes.AnyAsync(p => p.Id == id && p.PersonId == me, ct))
            throw new NotFoundException("id", Messages.Get("Passes.NoSuchPass", id));
        if (view.Qr is null) throw new ConflictException(Messages.Get("Passes.NotIssued"), "not-issued");
        return PassPdf.Render(view, clock.Time.GetUtcNow(), clock.Offset);
    }

    /// <summary>The line list as CSV or XLSX (holders masked), under the same filter.</summary>
    public async Task<(string Name, string ContentType, byte[] Content)> ExportAsync(FangkongDb db, PassFilter f, string format, CancellationToken ct)
    {
        await codes.RevokeRedHoldersAsync(db, ct);
        var rows = await Query(db, f).OrderByDescending(p => p.Id).Take(100_000).ToListAsync(ct);
        var uses = await db.PassUses.AsNoTracking().Where(u => Query(db, f).Any(p => p.Id == u.PassId)).GroupBy(u => u.PassId)
            .Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        TableColumn[] columns =
        [
            TableColumn.Identifier(Messages.Get("Passes.Col.Id")), TableColumn.Text(Messages.Get("Passes.Col.Kind")), TableColumn.Text(Messages.Get("Passes.Col.State")),
            TableColumn.Text(Messages.Get("Passes.Col.Holder")), TableColumn.Text(Messages.Get("Passes.Col.IdNumber")), TableColumn.Text(Messages.Get("Passes.Col.Employer")),
            TableColumn.Text(Messages.Get("Passes.Col.Route")), TableColumn.Text(Messages.Get("Passes.Col.Plate")), TableColumn.Text(Messages.Get("Passes.Col.Cargo")),
            TableColumn.Text(Messages.Get("Passes.Col.From")), TableColumn.Text(Messages.Get("Passes.Col.To")), TableColumn.Quantity(Messages.Get("Passes.Col.Uses")),
        ];
        var cells = rows.Select(p => (IReadOnlyList<object?>)[p.Id.ToString(CultureInfo.InvariantCulture), PassWords.Kind(p.Kind), PassWords.State(p.State),
            Domain.People.Masking.Name(p.HolderName), Domain.People.Masking.DocumentNumber(p.HolderIdNumber), p.Employer, p.Route, p.Plate, p.Cargo,
            p.ValidFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), p.ValidTo.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), uses.GetValueOrDefault(p.Id)]);
        return format switch
        {
            "csv" => ("passes.csv", "text/csv", await TableExport.CsvAsync(columns, cells, ct)),
            "xlsx" => ("passes.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", await TableExport.XlsxAsync(Messages.Get("Passes.Sheet"), columns, cells, ct)),
            _ => throw new InputException("format", Messages.Get("Passes.Format")),
        };
    }
}

/// <summary>The words for a pass's kind and state, in the reader's language.</summary>
public static class PassWords
{
    public static string Kind(PassKind k) => k switch
    {
        PassKind.Staff => Messages.Get("Passes.Kind.Staff"),
        PassKind.Freight => Messages.Get("Passes.Kind.Freight"),
        _ => k.ToString(),
    };

    public static string State(PassState s) => s switch
    {
        PassState.Applied => Messages.Get("Passes.State.Applied"),
        PassState.Approved => Messages.Get("Passes.State.Approved"),
        PassState.Refused => Messages.Get("Passes.State.Refused"),
        PassState.Revoked => Messages.Get("Passes.State.Revoked"),
        _ => s.ToString(),
    };
}
