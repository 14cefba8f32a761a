using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Testing;

public sealed record PackRequest(string? Barcode, IReadOnlyList<string>? Tubes, DateTime? At);
public sealed record HandoverRequest(HandoverStep? Step, string? Receiver, int? CountedTubes, DateTime? At);
public sealed record ReceiptRequest(string? Box, IReadOnlyList<string>? Tubes, DateTime? At);

public sealed record BoxView(long Id, string Barcode, long RoundId, long SiteId, int TubeCount, int ReceivedTubes, BoxStatus Status, DateTime PackedAtUtc,
    IReadOnlyList<HandoverView> Handovers);
public sealed record HandoverView(HandoverStep Step, DateTime AtUtc, string Receiver, int ExpectedTubes, int CountedTubes, bool Reconciled);
/// <summary>The lab's scan of a box: tubes received, tubes the box should hold but were not scanned, tubes scanned that are not the box's.</summary>
public sealed record ReceiptAnswer(BoxView Box, int Received, IReadOnlyList<string> Missing, IReadOnlyList<string> Foreign, bool Reconciled);

/// <summary>
/// The custody of boxes from table to lab (domain.md §4): closed tubes are packed into boxes with their own barcode, each
/// handover records who took the box, when, and how many tubes they counted, and the lab receives tubes only by
/// scanning them — a count typed by hand proves nothing.
/// </summary>
public sealed class BoxCustody(TimeOrderedIds ids, CityClock clock)
{
    public async Task<BoxView> PackAsync(FangkongDb db, PackRequest r, long userId, CancellationToken ct)
    {
        var barcode = Barcodes.Normalise(r.Barcode);
        if (!Barcodes.IsBox(barcode)) throw new InputException("barcode", Messages.Get("Testing.BadBoxBarcode"));
        if (await db.Boxes.AnyAsync(b => b.Barcode == barcode, ct))
            throw new ConflictException(Messages.Get("Testing.BoxUsed", barcode), "BoxReused");
        var codes = (r.Tubes ?? []).Select(Barcodes.Normalise).ToList();
        if (codes.Count is 0 or > 500) throw new InputException("tubes", Messages.Get("Testing.BoxTubeCount"));
        if (codes.FirstOrDefault(c => !Barcodes.IsTube(c)) is { } bad) throw new InputException("tubes", Messages.Get("Testing.UnknownTubeBarcode", bad));
        if (codes.GroupBy(c => c).FirstOrDefault(g => g.Count() > 1) is { } twice) throw new InputException("tubes", Messages.Get("Testing.TubeScannedTwice", twice.Key));
        var tubes = await db.Tubes.Where(t => codes.Contains(t.Barcode)).ToListAsync(ct);
        if (codes.Except(tubes.Select(t => t.Barcode)).FirstOrDefault() is { } unknown) throw new NotFoundException("tubes", Messages.Get("Testing.TubeNotOpened", unknown));
        if (tubes.FirstOrDefault(t => t.ClosedAtUtc is null) is { } open) throw new ConflictException(Messages.Get("Testing.TubeStillOpen", open.Barcode), "TubeOpen");
        if (tubes.FirstOrDefault(t => t.BoxId is not null) is { } boxed) throw new ConflictException(Messages.Get("Testing.TubeInAnotherBox", boxed.Barcode), "TubeBoxed");
        if (tubes.Select(t => t.RoundId).Distinct().Count() > 1) throw new InputException("tubes", Messages.Get("Testing.BoxOneRound"));
        var box = new Box
        {
            Id = ids.Next(),
            Barcode = barcode,
            RoundId = tubes[0].RoundId,
            SiteId = tubes[0].SiteId,
            TubeCount = tubes.Count,
            Status = BoxStatus.Packed,
            PackedAtUtc = At(r.At),
            PackedByUserId = userId,
        };
        db.Boxes.Add(box);
        foreach (var t in tubes) t.BoxId = box.Id;
        await db.SaveChangesAsync(ct);
        return await ViewAsync(db, box, ct);
    }

    public async Task<BoxView> HandoverAsync(FangkongDb db, string barcode, HandoverRequest r, long userId, CancellationToken ct)
    {
        var box = await BoxAsync(db, barcode, ct);
        var step = r.Step ?? HandoverStep.Courier;
        if (step != HandoverStep.Courier) throw new InputException("step", Messages.Get("Testing.LabScansTubes"));
        var receiver = r.Receiver?.Trim();
        if (string.IsNullOrEmpty(receiver) || receiver.Length > 100) throw new InputException("receiver", Messages.Get("Testing.ReceiverRequired"));
        var counted = r.CountedTubes ?? throw new InputException("countedTubes", Messages.Get("Testing.CountTubes"));
        if (counted is < 0 or > 500) throw new InputException("countedTubes", Messages.Get("Testing.CountedTubesRange"));
        if (box.Status == BoxStatus.Received) throw new ConflictException(Messages.Get("Testing.BoxReceived"));
        db.Handovers.Add(new Handover
        {
            Id = ids.Next(),
            BoxId = box.Id,
            Step = step,
            AtUtc = At(r.At),
            Receiver = receiver,
            ExpectedTubes = box.TubeCount,
            CountedTubes = counted,
            RecordedByUserId = userId,
        });
        box.Status = BoxStatus.InTransit;
        await db.SaveChangesAsync(ct);
        return await ViewAsync(db, box, ct);
    }

    public async Task<ReceiptAnswer> ReceiveAsync(FangkongDb db, ReceiptRequest r, long userId, string labUser, CancellationToken ct)
    {
        var box = await BoxAsync(db, r.Box, ct);
        var scanned = (r.Tubes ?? []).Select(Barcodes.Normalise).Distinct().ToList();
        if (scanned.Count is 0 or > 500) throw new InputException("tubes", Messages.Get("Testing.ScanBoxTubes"));
        if (scanned.FirstOrDefault(c => !Barcodes.IsTube(c)) is { } bad) throw new InputException("tubes", Messages.Get("Testing.UnknownTubeBarcode", bad));
        var at = At(r.At);
        var inBox = await db.Tubes.Where(t => t.BoxId == box.Id).ToListAsync(ct);
        var received = 0;
        foreach (var t in inBox.Where(t => scanned.Contains(t.Barcode)))
        {
            if (t.ReceivedAtUtc is not null) continue; // a rescan of a received tube changes nothing
            t.ReceivedAtUtc = at;
            t.ReceivedByUserId = userId;
            received++;
        }
        var missing = inBox.Where(t => t.ReceivedAtUtc is null).Select(t => t.Barcode).Order().ToList();
        var foreign = scanned.Except(inBox.Select(t => t.Barcode)).Order().ToList();
        box.ReceivedTubes = inBox.Count(t => t.ReceivedAtUtc is not null);
        box.Status = BoxStatus.Received;
        db.Handovers.Add(new Handover
        {
            Id = ids.Next(),
            BoxId = box.Id,
            Step = HandoverStep.Lab,
            AtUtc = at,
            Receiver = labUser,
            ExpectedTubes = box.TubeCount,
            CountedTubes = box.ReceivedTubes,
            RecordedByUserId = userId,
        });
        await db.SaveChangesAsync(ct);
        return new ReceiptAnswer(await ViewAsync(db, box, ct), received, missing, foreign, missing.Count == 0 && foreign.Count == 0);
    }

    public async Task<BoxView> GetAsync(FangkongDb db, string barcode, CancellationToken ct) => await ViewAsync(db, await BoxAsync(db, barcode, ct), ct);

    private static async Task<Box> BoxAsync(FangkongDb db, string? barcode, CancellationToken ct)
    {
        var code = Barcodes.Normalise(barcode);
        if (!Barcodes.IsBox(code)) throw new InputException("box", Messages.Get("Testing.BadBoxBarcode"));
        return await db.Boxes.FirstOrDefaultAsync(b => b.Barcode == code, ct) ?? throw new NotFoundException("box", Messages.Get("Testing.NoSuchBox", code));
    }

    private static async Task<BoxView> ViewAsync(FangkongDb db, Box b, CancellationToken ct)
    {
        var handovers = await db.Handovers.AsNoTracking().Where(h => h.BoxId == b.Id).OrderBy(h => h.AtUtc).ToListAsync(ct);
        return new BoxView(b.Id, b.Barcode, b.RoundId, b.SiteId, b.TubeCount, b.ReceivedTubes, b.Status, b.PackedAtUtc,
            handovers.Select(h => new HandoverView(h.Step, h.AtUtc, h.Receiver, h.ExpectedTubes, h.CountedTubes, h.Reconciled)).ToList());
    }

    private DateTime At(DateTime? at)
    {
        var now = clock.UtcNow;
        if (at is null) return now;
        var t = clock.AsUtc(at.Value);
        return t <= now.AddMinutes(5) && t >= now.AddHours(-48) ? t : throw new InputException("at", Messages.Get("Testing.HandoverTime"));
    }
}
