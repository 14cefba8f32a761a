using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Core.Signing;
using Fangkong.Domain.People;
using Fangkong.Domain.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Testing;

/// <summary>
/// A sampling certificate (采样证明) as printed and as shown on the verify page; names and numbers masked.
/// <see cref="Result"/> is <see cref="Outcome"/> worded for the reader; the printed certificate words the outcome itself,
/// in both languages.
/// </summary>
public sealed record Certificate(long SampleId, string RoundName, string MaskedName, string MaskedDocument, DateTime SampledAtUtc, string SiteName,
    string TubeBarcode, bool AtHome, CertificateOutcome Outcome, string Result, string Proof);

/// <summary>What a certificate says of the swab's result so far.</summary>
public enum CertificateOutcome { BeingTested = 1, Negative = 2, PoolPositive = 3, Positive = 4 }

public sealed record CertificateCheck(bool Valid, string Message, Certificate? Certificate);

public sealed class Certificates(CodeSigner signer)
{
    /// <summary>Certificates of one person, newest first (one query for all of them).</summary>
    public async Task<IReadOnlyList<Certificate>> ForPersonAsync(FangkongDb db, long personId, CancellationToken ct)
    {
        var samples = db.Samples.AsNoTracking().Where(s => s.PersonId == personId).OrderByDescending(s => s.AtUtc).Take(50);
        var rows = await Rows(db, samples).ToListAsync(ct);
        var list = new List<Certificate>(rows.Count);
        foreach (var row in rows.OrderByDescending(r => r.AtUtc)) list.Add(await SignAsync(row, ct));
        return list;
    }

    public async Task<Certificate> GetAsync(FangkongDb db, long sampleId, CancellationToken ct)
    {
        var row = await Rows(db, db.Samples.AsNoTracking().Where(s => s.Id == sampleId)).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("sampleId", Messages.Get("Testing.NoSuchSample"));
        return await SignAsync(row, ct);
    }

    /// <summary>A resident reads only their own certificates; an administrator reads any.</summary>
    public static async Task EnsureMayReadAsync(FangkongDb db, long sampleId, long? personId, bool administrator, CancellationToken ct)
    {
        if (administrator) return;
        var owner = await db.Samples.Where(s => s.Id == sampleId).Select(s => (long?)s.PersonId).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("sampleId", Messages.Get("Testing.NoSuchSample"));
        if (owner != personId) throw new ForbiddenException(Messages.Get("Testing.OwnCertificatesOnly"));
    }

    private sealed record Row(long Id, long RoundId, DateTime AtUtc, bool AtHome, string Name, string DocumentNumber, string Token, string Barcode,
        TubeOutcome? Outcome, int Count, string Round, string Site);

    private static IQueryable<Row> Rows(FangkongDb db, IQueryable<Sample> samples) =>
        from s in samples
        join p in db.Persons on s.PersonId equals p.Id
        join t in db.Tubes on s.TubeId equals t.Id
        join r in db.TestingRounds on s.RoundId equals r.Id
        join site in db.SamplingSites on t.SiteId equals site.Id
        select new Row(s.Id, s.RoundId, s.AtUtc, s.AtHome, p.Name, p.DocumentNumber, p.Token, t.Barcode, t.Outcome, t.Count, r.Name, site.Name);

    private async Task<Certificate> SignAsync(Row row, CancellationToken ct)
    {
        var outcome = row.Outcome switch
        {
            null => CertificateOutcome.BeingTested,
            TubeOutcome.Negative => CertificateOutcome.Negative,
            _ when row.Count > 1 => CertificateOutcome.PoolPositive,
            _ => CertificateOutcome.Positive,
        };
        var signed = await signer.SignCertificateAsync(row.Id, row.RoundId, row.Token, row.AtUtc, ct);
        return new Certificate(row.Id, row.Round, Masking.Name(row.Name), Masking.DocumentNumber(row.DocumentNumber), row.AtUtc, row.Site, row.Barcode,
            row.AtHome, outcome, Messages.Get(OutcomeWords.Key(outcome)), signed);
    }

    /// <summary>Checks a scanned certificate: the signature, then that the sample exists for the person the token names.</summary>
    public async Task<CertificateCheck> VerifyAsync(FangkongDb db, string? text, CancellationToken ct)
    {
        var v = await signer.VerifyCertificateAsync(text, ct);
        if (!v.IsValid) return new CertificateCheck(false, Messages.Get(v.Message), null);
        var p = v.Payload!;
        var matches = await db.Samples.AnyAsync(s => s.Id == p.SampleId && s.RoundId == p.RoundId && db.Persons.Any(x => x.Id == s.PersonId && x.Token == p.Token), ct);
        if (!matches) return new CertificateCheck(false, Messages.Get("Testing.CertificateWithoutRecord"), null);
        return new CertificateCheck(true, Messages.Get(v.Message), await GetAsync(db, p.SampleId, ct));
    }
}
