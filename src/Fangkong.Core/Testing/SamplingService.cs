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
/// network outage gets the first answer again and nothing is written twice.
/// </summary>
public sealed class SamplingService(TimeOrderedIds ids, CityClock clock, CodeSigner signer, ICodeRecompute codes)
{
    public async Task<TubeView> OpenTubeAsync(FangkongDb db, OpenTubeRequest r, long userId, CancellationToken ct)
    {
        var key = Key(r.Key);
        var barcode = Barcodes.Normalise(r.Barcode);
        if (!Barcodes.IsTube(barcode))
            throw new InputException("barcode", Messages.Get("Testing.BadTubeBarcode"));
        var existing = await db.Tubes.AsNoTracking().FirstOrDefaultAsync(t => t.Barcode == barcode, ct);
        if (existing is not null)
        {
            // The same device replaying its open (the same request again), or the same sampler rescanning a tube still open at the table.
            if (existing.OpenedByUserId == userId && existing.OpenKey == key)
                return SameOpen(existing, r) ? View(existing) : throw KeyReused();
            if (existing.OpenedByUserId == userId && existing.ClosedAtUtc is null) return View(existing);
            throw new ConflictException(Messages.Get("Testing.TubeUsed", barcode), SampleRefusals.TubeReused);
        }
        var roundId = r.RoundId ?? throw new InputException("roundId", Messages.Get("Testing.RoundRequired"));
        var round = await db.TestingRounds.AsNoTracking().FirstOrDefaultAsync(x => x.Id == roundId, ct)
            ?? throw new NotFoundException("roundId", Messages.Get("Testing.NoSuchRound"));
        if (round.Status != RoundStatus.Open) throw new ConflictException(Messages.Get("Testing.RoundNotOpenForSampling"), SampleRefusals.RoundNotOpen);
        var siteId = r.SiteId ?? throw new InputException("siteId", Messages.Get("Testing.SiteRequired"));
        if (!await db.SamplingSites.AnyAsync(s => s.Id == siteId && s.RoundId == roundId, ct))
            throw new NotFoundException("siteId", Messages.Get("Testing.NoSuchSiteInRound"));
        var kind = KindOf(r);
        if (!Enum.IsDefined(kind)) throw new InputException("kind", Messages.Get("Testing.UnknownTubeKind"));
        if (r.DoorTaskId is { } taskId && !await db.DoorTasks.AnyAsync(t => t.Id == taskId && t.RoundId == roundId, ct))
            throw new NotFoundException("doorTaskId", Messages.Get("Testing.NoSuchDoorTaskInRound"));
        // This key already opened another tube (any round, any site): the device reused it.
        if (await db.Tubes.AnyAsync(t => t.OpenedByUserId == userId && t.OpenKey == key, ct))
            throw KeyReused();
        var tube = new Tube
        {
            Id = ids.Next(),
            RoundId = roundId,
            SiteId = siteId,
            Barcode = barcode,
            Kind = kind,
            Capacity = FanOut.Capacity(kind, round.Policy),
            OpenedByUserId = userId,
            OpenedAtUtc = DeviceTime(r.At, "at"),
            OpenKey = key,
            DoorTaskId = r.DoorTaskId,
        };
        db.Tubes.Add(tube);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two tables scanned the same barcode at once: the first wins, the other is told it is used.
            db.ChangeTracker.Clear();
            var winner = await db.Tubes.AsNoTracking().FirstAsync(t => t.Barcode == barcode, ct);
            if (winner.OpenedByUserId == userId && winner.OpenKey == key) return View(winner);
            throw new ConflictException(Messages.Get("Testing.TubeUsed", barcode), SampleRefusals.TubeReused);
        }
        return View(tube);
    }

    public async Task<SampleAnswer> AddSampleAsync(FangkongDb db, string barcode, SampleRequest r, long userId, CancellationToken ct)
    {
        var key = Key(r.Key);
        if (await ReplayAsync(db, key, userId, barcode, r, ct) is { } replay) return replay;
        var tube = await TubeAsync(db, barcode, ct);
        if (tube.OpenedByUserId != userId) throw new ForbiddenException(Messages.Get("Testing.AnotherSamplersTube"));
        if (tube.ClosedAtUtc is not null || tube.Count >= tube.Capacity)
            throw new ConflictException(Messages.Get("Testing.TubeClosed"), SampleRefusals.TubeClosed);
        var person = await IdentifyAsync(db, r.Scan, ct);
        var round = await db.TestingRounds.AsNoTracking().FirstAsync(x => x.Id == tube.RoundId, ct);
        if (round.Status != RoundStatus.Open) throw new ConflictException(Messages.Get("Testing.RoundNoLongerOpen"), SampleRefusals.RoundNotOpen);
        var masked = Masking.Name(person.Name);
        var roster = await db.RoundResidents.AsNoTracking().FirstOrDefaultAsync(x => x.RoundId == tube.RoundId && x.PersonId == person.Id, ct);
        var resample = tube.Kind == TubeKind.Resample;

        var warnings = new List<string>();
        if (!resample)
        {
            // The roster row is stamped in the same transaction as the swab, so it answers for rostered persons; the
            // samples table answers for visitors from outside the area (and the unique index guards both under races).
            if (roster is not null ? roster.SampledAtUtc is not null : await db.Samples.AnyAsync(s => s.RoundId == tube.RoundId && s.PersonId == person.Id && !s.Resample, ct))
            {
                // A concurrent retry of this very scan may have just written it: then this is a replay, not a duplicate.
                if (await ReplayAsync(db, key, userId, barcode, r, ct) is { } raced) return raced;
                throw new ConflictException(Messages.Get("Testing.AlreadySampled", masked), SampleRefusals.AlreadySampled);
            }
            if (roster is { KeyGroup: true } && round.SingleTubeForKeyGroups && tube.Kind is TubeKind.Pool or TubeKind.Household)
                throw new ConflictException(Messages.Get("Testing.SingleTubeRequired", masked), SampleRefusals.SingleTubeRequired);
        }
        // The standing quarantine round has no area: its persons come by their schedule, not by where they live.
        if (round.Scope == RoundScope.Quarantine) { }
        else if (roster is null) warnings.Add(SampleWarnings.OutsideArea);
        else
        {
            var site = await db.SiteCompounds.Where(s => s.RoundId == tube.RoundId && s.CompoundId == roster.CompoundId).Select(s => s.SiteId).FirstOrDefaultAsync(ct);
            if (site != tube.SiteId) warnings.Add(SampleWarnings.OtherSite);
            if (tube.DoorTaskId is { } taskId && !await db.DoorTasks.AnyAsync(t => t.Id == taskId && t.HouseholdId == roster.HouseholdId, ct))
                warnings.Add(SampleWarnings.OtherHousehold);
        }
        List<ResampleTask> tasks = [];
        if (resample)
        {
            // One single-tube swab answers every task it can: a positive pool's re-sampling and the quarantine test due
            // today. A quarantine test of an earlier day stays missed: its day is what the release rule counts.
            var today = DateOnly.FromDateTime(clock.ToLocal(DeviceTime(r.At, "at")));
            tasks = await db.ResampleTasks.Where(t => t.PersonId == person.Id && t.DoneAtUtc == null && (t.DueDate == null || t.DueDate == today)).ToListAsync(ct);
            if (tasks.Count == 0) warnings.Add(SampleWarnings.NoResampleTask);
        }

        var at = DeviceTime(r.At, "at");
        var sample = new Sample
        {
            Id = ids.Next(),
            RoundId = tube.RoundId,
            TubeId = tube.Id,
            PersonId = person.Id,
            AtUtc = at,
            SamplerUserId = userId,
            Resample = resample,
            AtHome = tube.DoorTaskId is not null,
            IdempotencyKey = key,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The tube's count is the guard: a full or closed tube takes no more swabs, whatever the races. One statement
        // counts the swab, stamps the tube's first sampling time and closes it when this swab fills it (SET sees old values).
        var taken = await db.Tubes.Where(t => t.Id == tube.Id && t.ClosedAtUtc == null && t.Count < t.Capacity)
            .ExecuteUpdateAsync(u => u
                .SetProperty(t => t.Count, t => t.Count + 1)
                .SetProperty(t => t.FirstSampledAtUtc, t => t.FirstSampledAtUtc ?? at)
                .SetProperty(t => t.ClosedAtUtc, t => t.Count + 1 >= t.Capacity ? at : t.ClosedAtUtc), ct);
        if (taken == 0) throw new ConflictException(Messages.Get("Testing.TubeClosed"), SampleRefusals.TubeClosed);
        db.Samples.Add(sample);
        foreach (var task in tasks) { task.SampleId = sample.Id; task.DoneAtUtc = at; }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            // Either this key was written by a concurrent retry (answer as it was), or another table sampled the person.
            if (await ReplayAsync(db, key, userId, barcode, r, ct) is { } raced) return raced;
            throw new ConflictException(Messages.Get("Testing.AlreadySampled", masked), SampleRefusals.AlreadySampled);
        }
        if (!resample)
            await db.RoundResidents.Where(x => x.RoundId == tube.RoundId && x.PersonId == person.Id && x.SampledAtUtc == null)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.SampledAtUtc, at), ct);
        if (roster is not null)
            await DoorTasks.CompleteIfDoneAsync(db, tube.RoundId, roster.HouseholdId, at, ct);
        // A swab clears "missed a round" at once; other colours wait for the result.
        if (await db.Colours.AnyAsync(h => h.PersonId == person.Id && h.Colour != Domain.Codes.CodeColour.Green, ct))
        {
            await codes.RecomputeAsync(db, person.Id, ct);
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        var fresh = await db.Tubes.AsNoTracking().FirstAsync(t => t.Id == tube.Id, ct);
        return new SampleAnswer(sample.Id, masked, warnings, Message(masked, warnings), View(fresh), false);
    }

    public async Task<TubeView> CloseTubeAsync(FangkongDb db, string barcode, CloseTubeRequest r, long userId, CancellationToken ct)
    {
        var tube = await TubeAsync(db, barcode, ct);
        if (tube.OpenedByUserId != userId) throw new ForbiddenException(Messages.Get("Testing.AnotherSamplersTube"));
        if (tube.ClosedAtUtc is not null) return View(tube); // closing twice (a replay) is harmless
        if (tube.Count == 0) throw new ConflictException(Messages.Get("Testing.EmptyTube"), "TubeEmpty");
        var at = DeviceTime(r.At, "at");
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

    /// <summary>
    /// The first answer for a scan sent again; null when the key is new. The key with another tube, person or time was
    /// not this scan: answering "recorded" would tell the table a person was swabbed who never was, so it is refused.
    /// </summary>
    private async Task<SampleAnswer?> ReplayAsync(FangkongDb db, string key, long userId, string barcode, SampleRequest r, CancellationToken ct)
    {
        var s = await db.Samples.AsNoTracking().FirstOrDefaultAsync(x => x.IdempotencyKey == key && x.SamplerUserId == userId, ct);
        if (s is null) return null;
        var tube = await db.Tubes.AsNoTracking().FirstAsync(t => t.Id == s.TubeId, ct);
        if (tube.Barcode != Barcodes.Normalise(barcode) || !SameTime(r.At, s.AtUtc) || await ScannedPersonAsync(db, r.Scan, ct) != s.PersonId)
            throw KeyReused();
        var name = await db.Persons.Where(p => p.Id == s.PersonId).Select(p => p.Name).FirstAsync(ct);
        return new SampleAnswer(s.Id, Masking.Name(name), [], Messages.Get("Testing.Replayed"), View(tube), true);
    }

    /// <summary>
    /// Whom a scan names, for comparing a retry with its first request: a code whose signature holds names its person
    /// even after it expired (a queued retry may come later than a code lives); a scan naming nobody is null.
    /// </summary>
    private async Task<long?> ScannedPersonAsync(FangkongDb db, string? scan, CancellationToken ct)
    {
        var text = scan?.Trim() ?? "";
        if (text.StartsWith(Domain.Codes.SignedCode.Prefix + ".", StringComparison.Ordinal))
        {
            var v = await signer.VerifyAsync(text, ct);
            if (v.Verdict is not (Domain.Codes.CodeVerdict.Valid or Domain.Codes.CodeVerdict.Expired)) return null;
            return await db.Persons.Where(p => p.Token == v.Payload!.Token).Select(p => (long?)p.Id).FirstOrDefaultAsync(ct);
        }
        var (number, _) = IdentityDocument.Normalise(DocumentType.ResidentIdCard, text, clock.Today);
        return number is null ? null
            : await db.Persons.Where(p => p.DocumentNumber == number && p.DocumentType == DocumentType.ResidentIdCard).Select(p => (long?)p.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>A retry's device time against the stored one (to the microsecond PostgreSQL keeps); none given cannot differ.</summary>
    private bool SameTime(DateTime? at, DateTime storedUtc) => at is null || clock.AsUtc(at.Value).Ticks / 10 == storedUtc.Ticks / 10;

    private bool SameOpen(Tube t, OpenTubeRequest r) =>
        r.RoundId == t.RoundId && r.SiteId == t.SiteId && KindOf(r) == t.Kind && r.DoorTaskId == t.DoorTaskId && SameTime(r.At, t.OpenedAtUtc);

    private static TubeKind KindOf(OpenTubeRequest r) => r.Kind ?? (r.DoorTaskId is null ? TubeKind.Pool : TubeKind.Household);

    private static KeyReusedException KeyReused() => new("key",
        Messages.Get("Testing.KeyReused"));

    private async Task<(long Id, string Name)> IdentifyAsync(FangkongDb db, string? scan, CancellationToken ct)
    {
        var text = scan?.Trim() ?? "";
        if (text.Length == 0) throw new InputException("scan", Messages.Get("Testing.ScanRequired"));
        if (text.StartsWith(Domain.Codes.SignedCode.Prefix + ".", StringComparison.Ordinal))
        {
            var v = await signer.VerifyAsync(text, ct);
            if (!v.IsValid) throw new InputException("scan", Messages.Get(v.Message));
            var byToken = await db.Persons.AsNoTracking().Where(p => p.Token == v.Payload!.Token).Select(p => new { p.Id, p.Name }).FirstOrDefaultAsync(ct);
            return byToken is null ? throw new NotFoundException("scan", Messages.Get("Testing.CodeNamesNobody")) : (byToken.Id, byToken.Name);
        }
        var (number, error) = IdentityDocument.Normalise(DocumentType.ResidentIdCard, text, clock.Today);
        if (number is null) throw new InputException("scan", Messages.Get(error!));
        var person = await db.Persons.AsNoTracking().Where(p => p.DocumentNumber == number && p.DocumentType == DocumentType.ResidentIdCard)
            .Select(p => new { p.Id, p.Name }).FirstOrDefaultAsync(ct);
        return person is null
            ? throw new NotFoundException("scan", Messages.Get("Testing.IdNotRegistered"))
            : (person.Id, person.Name);
    }

    private static string Key(string? key)
    {
        var k = key?.Trim() ?? "";
        return k.Length is >= 8 and <= 64 ? k : throw new InputException("key", Messages.Get("Testing.KeyLength"));
    }

    /// <summary>A queued scan keeps the time it happened; a device clock far off is refused rather than believed.</summary>
    private DateTime DeviceTime(DateTime? at, string field)
    {
        var now = clock.UtcNow;
        if (at is null) return now;
        var t = clock.AsUtc(at.Value);
        if (t > now.AddMinutes(5) || t < now.AddHours(-12))
            throw new InputException(field, Messages.Get("Testing.DeviceTime"));
        return t;
    }

    private static string Message(string name, List<string> warnings) =>
        warnings.Count == 0 ? Messages.Get("Testing.Sampled", name)
        : warnings.Contains(SampleWarnings.OutsideArea) ? Messages.Get("Testing.SampledOutsideArea", name)
        : warnings.Contains(SampleWarnings.OtherSite) ? Messages.Get("Testing.SampledAtOtherSite", name)
        : Messages.Get("Testing.SampledWithWarnings", name, string.Join(Messages.Get("Common.ListSeparator"), warnings));

    public static TubeView View(Tube t) =>
        new(t.Id, t.Barcode, t.RoundId, t.SiteId, t.Kind, t.Capacity, t.Count, t.ClosedAtUtc is not null, t.OpenedAtUtc, t.ClosedAtUtc, t.DoorTaskId);
}
