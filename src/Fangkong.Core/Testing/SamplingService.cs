using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Signing;
using Fangkong.Domain.People;
using Fangkong.Domain.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Testing;

/// <summary>
/// The sampling table: a tube is opened by its barcode, persons are added by their code or ID card, the tube closes
/// when full or by hand. Every call carries the device's idempotency key, so a page replaying its queue after a
/// network outage gets the first answer again and nothing is written twice. A call is checked here without the store,
/// then read, decided and written by <see cref="SampleBatch"/>: the tables' calls through <see cref="SamplingQueue"/>,
/// grouped with every other table's (ADR 0035), and the command line's simulations on their own context, alone.
/// </summary>
public sealed class SamplingService(CityClock clock, CodeSigner signer, SampleBatch batch, SamplingQueue queue)
{
    /// <summary>Opens a tube on the caller's context, alone (the simulations, a confined caller).</summary>
    public Task<TubeView> OpenTubeAsync(FangkongDb db, OpenTubeRequest r, long userId, CancellationToken ct) =>
        Task.FromResult(Opened(Direct(db, PrepareOpen(r, userId))));

    /// <summary>Adds a swab on the caller's context, alone (the simulations, a confined caller).</summary>
    public async Task<SampleAnswer> AddSampleAsync(FangkongDb db, string barcode, SampleRequest r, long userId, CancellationToken ct) =>
        Sampled(Direct(db, await PrepareSwabAsync(barcode, r, userId, ct)));

    /// <summary>Opens a tube in the next group of every table's calls; answered after the group's commit.</summary>
    public async Task<TubeView> OpenTubeQueuedAsync(OpenTubeRequest r, long userId, CancellationToken ct) =>
        Opened(await queue.SubmitAsync(PrepareOpen(r, userId), ct));

    /// <summary>Adds a swab in the next group of every table's calls; answered after the group's commit.</summary>
    public async Task<SampleAnswer> AddSampleQueuedAsync(string barcode, SampleRequest r, long userId, CancellationToken ct) =>
        Sampled(await queue.SubmitAsync(await PrepareSwabAsync(barcode, r, userId, ct), ct));

    /// <summary>A group of one on the caller's context; a race lost to another writer is decided again on fresh reads.</summary>
    private ScanResult Direct(FangkongDb db, PendingScan item)
    {
        try { return batch.Commit(db, [item])[0]; }
        catch (Exception e) when (SampleBatch.LostRace(e))
        {
            db.ChangeTracker.Clear();
            return batch.Commit(db, [item])[0];
        }
    }

    private PendingOpen PrepareOpen(OpenTubeRequest r, long userId)
    {
        var key = Key(r.Key);
        var barcode = Barcodes.Normalise(r.Barcode);
        if (!Barcodes.IsTube(barcode))
            throw new InputException("barcode", Messages.Get("Testing.BadTubeBarcode"));
        return new PendingOpen(userId, key, barcode, r.At, DeviceTime(r.At), r.RoundId, r.SiteId, KindOf(r), r.DoorTaskId);
    }

    /// <summary>
    /// Whom a scan names, checked without the store: a code's signature (one that held but expired still names its person,
    /// for comparing a retry with its first request) or an ID number's rules. What refuses a new swab is kept, not thrown:
    /// a retry of a scan recorded earlier gets its first answer whatever the scan's state now.
    /// </summary>
    private async Task<PendingSwab> PrepareSwabAsync(string barcode, SampleRequest r, long userId, CancellationToken ct)
    {
        var key = Key(r.Key);
        var code = Barcodes.Normalise(barcode);
        if (!Barcodes.IsTube(code)) throw new InputException("barcode", Messages.Get("Testing.BadTubeBarcode"));
        var text = r.Scan?.Trim() ?? "";
        string? token = null, document = null;
        Func<Exception>? error = null;
        if (text.Length == 0) error = static () => new InputException("scan", Messages.Get("Testing.ScanRequired"));
        else if (text.StartsWith(Domain.Codes.SignedCode.Prefix + ".", StringComparison.Ordinal))
        {
            var v = await signer.VerifyAsync(text, ct);
            if (v.Verdict is Domain.Codes.CodeVerdict.Valid or Domain.Codes.CodeVerdict.Expired) token = v.Payload!.Token;
            if (!v.IsValid) error = () => new InputException("scan", Messages.Get(v.Message));
        }
        else
        {
            var (number, problem) = IdentityDocument.Normalise(DocumentType.ResidentIdCard, text, clock.Today);
            document = number;
            if (number is null) error = () => new InputException("scan", Messages.Get(problem!));
        }
        return new PendingSwab(userId, key, code, r.At, DeviceTime(r.At), token, document, error);
    }

    private static TubeView Opened(ScanResult r) => r.Refusal is { } refuse ? throw refuse() : r.Tube!;

    /// <summary>Worded here, in the caller's context and so in its reader's language, not on the loop that serves every table.</summary>
    private static SampleAnswer Sampled(ScanResult r)
    {
        if (r.Refusal is { } refuse) throw refuse();
        var d = r.Sample!;
        return new SampleAnswer(d.SampleId, d.MaskedName, d.Warnings, d.Replayed ? Messages.Get("Testing.Replayed") : Message(d.MaskedName, d.Warnings), d.Tube, d.Replayed);
    }

    public async Task<TubeView> CloseTubeAsync(FangkongDb db, string barcode, CloseTubeRequest r, long userId, CancellationToken ct)
    {
        var tube = await TubeAsync(db, barcode, ct);
        if (tube.OpenedByUserId != userId) throw new ForbiddenException(Messages.Get("Testing.AnotherSamplersTube"));
        if (tube.ClosedAtUtc is not null) return View(tube); // closing twice (a replay) is harmless
        if (tube.Count == 0) throw new ConflictException(Messages.Get("Testing.EmptyTube"), "TubeEmpty");
        var at = DeviceTime(r.At) ?? throw new InputException("at", Messages.Get("Testing.DeviceTime"));
        await db.Tubes.Where(t => t.Id == tube.Id && t.ClosedAtUtc == null).ExecuteUpdateAsync(u => u.SetProperty(t => t.ClosedAtUtc, at), ct);
        return View(await db.Tubes.AsNoTracking().FirstAsync(t => t.Id == tube.Id, ct));
    }

    public static async Task<Tube> TubeAsync(FangkongDb db, string? barcode, CancellationToken ct)
    {
        var code = Barcodes.Normalise(barcode);
        if (!Barcodes.IsTube(code)) throw new InputException("barcode", Messages.Get("Testing.BadTubeBarcode"));
        return await db.Tubes.AsNoTracking().FirstOrDefaultAsync(t => t.Barcode == code, ct)
            ?? throw new NotFoundException("barcode", Messages.Get("Testing.TubeNotOpened", code));
    }

    private static TubeKind KindOf(OpenTubeRequest r) => r.Kind ?? (r.DoorTaskId is null ? TubeKind.Pool : TubeKind.Household);

    private static string Key(string? key)
    {
        var k = key?.Trim() ?? "";
        return k.Length is >= 8 and <= 64 ? k : throw new InputException("key", Messages.Get("Testing.KeyLength"));
    }

    /// <summary>A queued scan keeps the time it happened; a device clock far off (null here) is refused rather than believed.</summary>
    private DateTime? DeviceTime(DateTime? at)
    {
        var now = clock.UtcNow;
        if (at is null) return now;
        var t = clock.AsUtc(at.Value);
        return t > now.AddMinutes(5) || t < now.AddHours(-12) ? null : t;
    }

    private static string Message(string name, IReadOnlyList<string> warnings) =>
        warnings.Count == 0 ? Messages.Get("Testing.Sampled", name)
        : warnings.Contains(SampleWarnings.OutsideArea) ? Messages.Get("Testing.SampledOutsideArea", name)
        : warnings.Contains(SampleWarnings.OtherSite) ? Messages.Get("Testing.SampledAtOtherSite", name)
        : Messages.Get("Testing.SampledWithWarnings", name, string.Join(Messages.Get("Common.ListSeparator"), warnings));

    public static TubeView View(Tube t) =>
        new(t.Id, t.Barcode, t.RoundId, t.SiteId, t.Kind, t.Capacity, t.Count, t.ClosedAtUtc is not null, t.OpenedAtUtc, t.ClosedAtUtc, t.DoorTaskId);
}
