using Fangkong.Core.Audit;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.People;
using Fangkong.Domain.Places;
using Fangkong.Domain.Text;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Tracing;

/// <summary>
/// Trajectories and venue logs. Every read — a page, an export — is written to the access log first,
/// in the same unit of work, so there is no read without its audit row.
/// </summary>
public sealed class TraceService(TimeOrderedIds ids, CityClock clock)
{
    /// <summary>Longest stay assumed when looking back for visits that began before a window.</summary>
    private static readonly TimeSpan LongestStay = TimeSpan.FromDays(1);
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(31);
    public const int MaxExportRows = 100_000;

    public async Task<Page<TrajectoryRow>> TrajectoryAsync(FangkongDb db, long personId, DateTime fromUtc, DateTime toUtc,
        TraceReader reader, string? venueSearch, int page, int size, CancellationToken ct)
    {
        var q = await TrajectoryQueryAsync(db, personId, fromUtc, toUtc, reader, venueSearch, "trajectory", ct);
        var total = await q.LongCountAsync(ct);
        var items = await q.Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new Page<TrajectoryRow>(items, page, size, total);
    }

    public async Task<IReadOnlyList<TrajectoryRow>> TrajectoryExportAsync(FangkongDb db, long personId, DateTime fromUtc, DateTime toUtc,
        TraceReader reader, CancellationToken ct) =>
        await (await TrajectoryQueryAsync(db, personId, fromUtc, toUtc, reader, null, "trajectory-export", ct)).Take(MaxExportRows).ToListAsync(ct);

    public async Task<Page<VenueLogRow>> VenueLogAsync(FangkongDb db, long venueId, DateTime fromUtc, DateTime toUtc,
        TraceReader reader, string? personSearch, bool reveal, int page, int size, CancellationToken ct)
    {
        var q = await VenueLogQueryAsync(db, venueId, fromUtc, toUtc, reader, personSearch, reveal ? "venue-log-revealed" : "venue-log", ct);
        var total = await q.LongCountAsync(ct);
        var items = await q.Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new Page<VenueLogRow>(reveal ? items : items.Select(Mask).ToList(), page, size, total);
    }

    public async Task<IReadOnlyList<VenueLogRow>> VenueLogExportAsync(FangkongDb db, long venueId, DateTime fromUtc, DateTime toUtc,
        TraceReader reader, bool reveal, CancellationToken ct)
    {
        var rows = await (await VenueLogQueryAsync(db, venueId, fromUtc, toUtc, reader, null, reveal ? "venue-log-export-revealed" : "venue-log-export", ct))
            .Take(MaxExportRows).ToListAsync(ct);
        return reveal ? rows : rows.Select(Mask).ToList();
    }

    private static VenueLogRow Mask(VenueLogRow r) =>
        r with { Name = Masking.Name(r.Name), DocumentNumber = Masking.DocumentNumber(r.DocumentNumber), Phone = Masking.Phone(r.Phone) };

    private async Task<IQueryable<TrajectoryRow>> TrajectoryQueryAsync(FangkongDb db, long personId, DateTime fromUtc, DateTime toUtc,
        TraceReader reader, string? venueSearch, string kind, CancellationToken ct)
    {
        CheckWindow(fromUtc, toUtc, reader);
        if (!await db.Persons.AnyAsync(p => p.Id == personId, ct)) throw new NotFoundException("personId", Messages.Get("Tracing.NoSuchPerson"));
        await AuditAsync(db, reader, personId, null, kind, fromUtc, toUtc, ct);
        var earliest = fromUtc - LongestStay;
        var q = from v in db.Visits
                join venue in db.Venues on v.VenueId equals venue.Id
                where v.PersonId == personId && v.EnteredAtUtc >= earliest && v.EnteredAtUtc < toUtc
                      && (v.ExitedAtUtc == null || v.ExitedAtUtc > fromUtc)
                select new { v, venue };
        if (!string.IsNullOrWhiteSpace(venueSearch)) q = q.Where(x => x.venue.Name.Contains(venueSearch.Trim()));
        return q.OrderBy(x => x.v.EnteredAtUtc).ThenBy(x => x.v.Id).Select(x => new TrajectoryRow(x.v.Id, x.venue.Id, x.venue.Name,
            x.venue.Type.ToString(), x.venue.DistrictCode, x.v.EnteredAtUtc, x.v.ExitedAtUtc, x.v.ExitInferred, x.v.Method.ToString(), x.v.Temperature));
    }

    private async Task<IQueryable<VenueLogRow>> VenueLogQueryAsync(FangkongDb db, long venueId, DateTime fromUtc, DateTime toUtc,
        TraceReader reader, string? personSearch, string kind, CancellationToken ct)
    {
        CheckWindow(fromUtc, toUtc, reader);
        if (!await db.Venues.AnyAsync(v => v.Id == venueId, ct)) throw new NotFoundException("venueId", Messages.Get("Tracing.NoSuchVenue"));
        await AuditAsync(db, reader, null, venueId, kind, fromUtc, toUtc, ct);
        var earliest = fromUtc - LongestStay;
        var q = from v in db.Visits
                join p in db.Persons on v.PersonId equals p.Id
                where v.VenueId == venueId && v.EnteredAtUtc >= earliest && v.EnteredAtUtc < toUtc
                      && (v.ExitedAtUtc == null || v.ExitedAtUtc > fromUtc)
                select new { v, p };
        if (!string.IsNullOrWhiteSpace(personSearch))
        {
            var matching = People.PersonSearch.Apply(db.Persons, personSearch).Select(p => p.Id);
            q = q.Where(x => matching.Contains(x.p.Id));
        }
        return q.OrderBy(x => x.v.EnteredAtUtc).ThenBy(x => x.v.Id).Select(x => new VenueLogRow(x.v.Id, x.p.Id, x.p.Name, x.p.DocumentNumber,
            x.p.Phone, x.v.EnteredAtUtc, x.v.ExitedAtUtc, x.v.ExitInferred, x.v.Method.ToString(), x.v.Temperature));
    }

    private static void CheckWindow(DateTime fromUtc, DateTime toUtc, TraceReader reader)
    {
        if (toUtc <= fromUtc) throw new InputException("to", Messages.Get("Tracing.ToNotAfterFrom"));
        if (toUtc - fromUtc > MaxWindow) throw new InputException("to", Messages.Get("Tracing.TraceWindowTooLong"));
        if (reader.PlatformPurpose is not null) return;
        if (string.IsNullOrWhiteSpace(reader.Purpose) || reader.Purpose.Trim().Length < 4)
            throw new InputException("purpose", Messages.Get("Tracing.PurposeRequired"));
        if (reader.Purpose.Length > 500) throw new InputException("purpose", Messages.Get("Tracing.PurposeTooLong"));
    }

    private async Task AuditAsync(FangkongDb db, TraceReader reader, long? personId, long? venueId, string kind, DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        if (reader.PlatformPurpose is { } platform) Audit(db, ids, reader, personId, venueId, kind, platform, fromUtc, toUtc, clock.UtcNow);
        else Audit(db, ids, reader, personId, venueId, kind, reader.Purpose.Trim(), fromUtc, toUtc, clock.UtcNow);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Adds (without saving) the audit row of a read of a person's trajectory or a venue's log, for the purpose the reader typed.</summary>
    public static void Audit(FangkongDb db, TimeOrderedIds ids, TraceReader reader, long? personId, long? venueId, string kind, string purpose,
        DateTime fromUtc, DateTime toUtc, DateTime atUtc) =>
        Add(db, ids, reader, personId, venueId, kind, purpose, null, fromUtc, toUtc, atUtc);

    /// <summary>Adds (without saving) the audit row of a read the platform made for a case, its purpose kept as a message.</summary>
    public static void Audit(FangkongDb db, TimeOrderedIds ids, TraceReader reader, long? personId, long? venueId, string kind, Message purpose,
        DateTime fromUtc, DateTime toUtc, DateTime atUtc) =>
        Add(db, ids, reader, personId, venueId, kind, "", purpose, fromUtc, toUtc, atUtc);

    private static void Add(FangkongDb db, TimeOrderedIds ids, TraceReader reader, long? personId, long? venueId, string kind, string purpose,
        Message? platformPurpose, DateTime fromUtc, DateTime toUtc, DateTime atUtc)
    {
        // The tamper-evident log (ADR 0024) takes every read; trace_accesses stays the index the case timeline and the
        // trace-access page read.
        AuditLog.Add(db, AuditEntries.Read(ids, atUtc, reader.UserId, reader.UserName, kind, personId, venueId, purpose, platformPurpose));
        db.TraceAccesses.Add(new TraceAccess
        {
            Id = ids.Next(),
            UserId = reader.UserId,
            UserName = reader.UserName,
            PersonId = personId,
            VenueId = venueId,
            Kind = kind,
            Purpose = purpose,
            PlatformPurpose = platformPurpose,
            FromUtc = fromUtc,
            ToUtc = toUtc,
            AtUtc = atUtc,
        });
    }

    public static string VenueTypeName(string type) => Enum.TryParse<VenueType>(type, out var t) ? VenueTypes.ChineseName(t) : type;
}
