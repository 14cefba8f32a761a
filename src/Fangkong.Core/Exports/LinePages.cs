using System.Linq.Expressions;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Quarantine;
using Fangkong.Core.Requests;
using Fangkong.Core.Returnees;
using Fangkong.Core.Testing;
using Fangkong.Core.Tracing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Exports;

/// <summary>
/// One page of a line list as the API and the list pages read it: masked, or unmasked for a reader who states a
/// purpose (the read is then kept in the trace-access audit).
/// </summary>
public sealed class LinePages(TimeOrderedIds ids, CityClock clock)
{
    public Task<KeysetPage<CaseLine>> CasesAsync(FangkongDb db, CaseLineFilter filter, long? after, int? size, TraceReader? reveal, CancellationToken ct) =>
        PageAsync(db, CaseLines.Query(db, filter, clock), r => r.Id, r => r.Masked(), after, size, reveal, LineLists.Cases, ct);

    public Task<KeysetPage<ContactLine>> ContactsAsync(FangkongDb db, ContactLineFilter filter, long? after, int? size, TraceReader? reveal, CancellationToken ct) =>
        PageAsync(db, ContactLines.Query(db, filter, clock), r => r.Id, r => r.Masked(), after, size, reveal, LineLists.Contacts, ct);

    public Task<KeysetPage<QuarantineLine>> QuarantinedAsync(FangkongDb db, QuarantineLineFilter filter, long? after, int? size, TraceReader? reveal, CancellationToken ct) =>
        PageAsync(db, QuarantineLines.Query(db, filter, clock), r => r.Id, r => r.Masked(), after, size, reveal, LineLists.Quarantined, ct);

    public Task<KeysetPage<TestLine>> TestsAsync(FangkongDb db, TestLineFilter filter, long? after, int? size, TraceReader? reveal, CancellationToken ct) =>
        PageAsync(db, TestLines.Query(db, filter, clock), r => r.Id, r => r.Masked(), after, size, reveal, LineLists.Tests, ct);

    public Task<KeysetPage<TicketLine>> TicketsAsync(FangkongDb db, TicketLineFilter filter, long? after, int? size, TraceReader? reveal, CancellationToken ct) =>
        PageAsync(db, TicketLines.Query(db, filter, clock), r => r.Id, r => r.Masked(), after, size, reveal, LineLists.Tickets, ct);

    public Task<KeysetPage<VenueCodes.VenueScanLine>> VenueScansAsync(FangkongDb db, VenueCodes.VenueScanLineFilter filter, long? after, int? size, TraceReader? reveal, CancellationToken ct) =>
        PageAsync(db, VenueCodes.VenueScanLines.Query(db, filter, clock), r => r.Id, r => r.Masked(), after, size, reveal, LineLists.VenueScans, ct);
    public Task<KeysetPage<ReturneeLine>> ReturneesAsync(FangkongDb db, ReturneeLineFilter filter, long? after, int? size, TraceReader? reveal, CancellationToken ct) =>
        PageAsync(db, ReturneeLines.Query(db, filter, clock), r => r.Id, r => r.Masked(), after, size, reveal, LineLists.Returnees, ct);

    /// <summary>How many contacts a filter selects, capped like every list count (a tab's figure).</summary>
    public Task<long> CountContactsAsync(FangkongDb db, ContactLineFilter filter, CancellationToken ct) =>
        ContactLines.Query(db, filter, clock).Take(Keyset.CountCap + 1).LongCountAsync(ct);

    private async Task<KeysetPage<T>> PageAsync<T>(FangkongDb db, IQueryable<T> rows, Expression<Func<T, long>> key, Func<T, T> mask,
        long? after, int? size, TraceReader? reveal, string list, CancellationToken ct)
    {
        if (reveal is not null) LineLists.AuditReveal(db, ids, clock, reveal, "list:" + list);
        var page = await Keyset.PageAsync(rows, key, after, size, ct);
        if (reveal is null) return page with { Items = page.Items.Select(mask).ToList() };
        await db.SaveChangesAsync(ct);
        return page;
    }
}
