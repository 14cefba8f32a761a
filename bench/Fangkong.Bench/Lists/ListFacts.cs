using Fangkong.Core.Data;
using Fangkong.Domain.Tracing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Bench.Lists;

/// <summary>What the store holds, read directly (not through the lists), for the benchmark to check the API's answers against.</summary>
internal sealed record ListFacts(long Contacts, long CloseConfirmed, long NewestContact, long NewestCloseConfirmed, long NewestCase, int NewestCaseConfirmed,
    long NewestStay, long ProbePerson, string ProbeDocument, string ProbePhone, HashSet<long> ContactsOfProbe, HashSet<long> ContactsByPhone,
    long Open, long NewestOpen, long Proposed, long UnderObservation)
{
    /// <summary>The facts, with the probe a resident with a phone who is a contact about halfway down the list.</summary>
    public static async Task<ListFacts> ReadAsync(StorageOptions storage)
    {
        await using var db = new FangkongDb(storage.BuildOptions());
        var contacts = await db.ContactProposals.LongCountAsync();
        var closeConfirmed = db.ContactProposals.Where(c => c.Grade == ContactGrade.Close && c.Status == ProposalStatus.Confirmed);
        // What the contact list opens on (its default scope): proposals awaiting a decision and confirmed contacts not released.
        var proposed = db.ContactProposals.Where(c => c.Status == ProposalStatus.Proposed);
        var underObservation = db.ContactProposals.Where(c => c.Status == ProposalStatus.Confirmed && c.ReleasedAtUtc == null);
        var open = proposed.Concat(underObservation);
        var newestCase = await db.Cases.MaxAsync(c => c.Id);
        var probe = await (from c in db.ContactProposals
                           join p in db.Persons on c.PersonId equals p.Id
                           where p.Phone != null
                           orderby c.Id
                           select new { p.Id, p.DocumentNumber, p.Phone }).Skip((int)(contacts / 2)).FirstAsync();
        return new ListFacts(
            contacts,
            await closeConfirmed.LongCountAsync(),
            await db.ContactProposals.MaxAsync(c => c.Id),
            await closeConfirmed.MaxAsync(c => c.Id),
            newestCase,
            await db.ContactProposals.CountAsync(c => c.CaseId == newestCase && c.Status == ProposalStatus.Confirmed),
            await db.QuarantineStays.MaxAsync(s => s.Id),
            probe.Id,
            probe.DocumentNumber,
            probe.Phone!,
            (await db.ContactProposals.Where(c => c.PersonId == probe.Id).Select(c => c.Id).ToListAsync()).ToHashSet(),
            (await (from c in db.ContactProposals join p in db.Persons on c.PersonId equals p.Id where p.Phone == probe.Phone select c.Id).ToListAsync()).ToHashSet(),
            await open.LongCountAsync(),
            await open.MaxAsync(c => c.Id),
            await proposed.LongCountAsync(),
            await underObservation.LongCountAsync());
    }
}
