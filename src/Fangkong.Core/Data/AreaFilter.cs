using Fangkong.Core.Gate;
using Fangkong.Core.People;
using Fangkong.Core.Testing;
using Fangkong.Core.Tracing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Data;

// ADR 0028: the one mechanism by which an account confined to an area sees only that area. Every query through a
// context that carries an area — pages, API, exports, live figures — gets these filters from EF Core itself, so no use
// case can forget one. A person is in the area when their home is (persons carry their district and community,
// kept by the seeder and the registry, so the filter is one indexed column rather than six joins); a record about a
// person (case, contact, stay, sample, visit, bed…) is in the area when its person is. Without an area every
// parameter below is null and EF Core drops the filter from the SQL, so the whole city's queries are unchanged.
public sealed partial class FangkongDb
{
    /// <summary>The area this context's reads are confined to; null for the whole city.</summary>
    public AreaReach? Area { get; private set; }

    // Read by the filters on every query (EF Core parameterises a context's members).
    private string? AreaDistrict { get; set; }
    private long? AreaStreet { get; set; }
    private long? AreaCommunity { get; set; }
    private long? AreaGrid { get; set; }

    /// <summary>Grids, read-only, for resolving a grid worker's area below Community (ADR 0018).</summary>
    public IQueryable<GridPlace> GridPlaces => Grids.Select(g => new GridPlace { Id = g.Id, CommunityId = g.CommunityId, Name = g.Name });

    /// <summary>Confines this context's reads to <paramref name="area"/> (null: the whole city) until it is disposed.</summary>
    public void Confine(AreaReach? area)
    {
        Area = area;
        AreaDistrict = area?.DistrictCode;
        AreaStreet = area?.StreetId;
        AreaCommunity = area?.CommunityId;
        AreaGrid = area?.GridId;
    }

    /// <summary>
    /// Lifts the area for the work a confined caller's action sets in motion but which is about the whole city — a
    /// colour re-derived from every fact about a person, a contact search that follows visits across districts — and
    /// puts it back when disposed. What such work returns to the caller still passes the caller's own reads.
    /// </summary>
    public IDisposable WholeCity()
    {
        var area = Area;
        Confine(null);
        return new Restore(this, area);
    }

    private sealed class Restore(FangkongDb db, AreaReach? area) : IDisposable
    {
        public void Dispose() => db.Confine(area);
    }

    // A pooled context goes back to the pool on dispose: it must not carry one caller's area to the next.
    public override void Dispose()
    {
        Confine(null);
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        Confine(null);
        return base.DisposeAsync();
    }

    // Each null test is written EF.Parameter(X) == null so that it reaches the SQL as "@X IS NULL", which EF Core folds
    // by the parameters' nullability (one cached SQL per shape of area): the city's SQL has no filter and a district's
    // only "DistrictCode = @X". Written bare, EF Core 10 evaluates each test into a boolean parameter, and SQLite cannot
    // use an index under "@b OR (…)": a district's list walked the whole table (docs/performance.md, Jurisdictions).
    private void ConfigureAreaFilter(ModelBuilder b)
    {
        b.Entity<Person>().HasQueryFilter(p =>
            (EF.Parameter(AreaDistrict) == null && EF.Parameter(AreaStreet) == null && EF.Parameter(AreaCommunity) == null && EF.Parameter(AreaGrid) == null)
            || (EF.Parameter(AreaDistrict) != null && p.DistrictCode == AreaDistrict)
            || (EF.Parameter(AreaStreet) != null && Communities.Any(c => c.Id == p.CommunityId && c.StreetId == AreaStreet))
            || (EF.Parameter(AreaCommunity) != null && p.CommunityId == AreaCommunity)
            || (EF.Parameter(AreaGrid) != null && GridHouseholds.Any(g => g.HouseholdId == p.HouseholdId && g.GridId == AreaGrid)));
        // A case counts where it was reported (its stored district, as the bulletin counts it); below a district, by its person.
        b.Entity<CaseRecord>().HasQueryFilter(c =>
            (EF.Parameter(AreaDistrict) == null && EF.Parameter(AreaStreet) == null && EF.Parameter(AreaCommunity) == null && EF.Parameter(AreaGrid) == null)
            || (EF.Parameter(AreaDistrict) != null && c.DistrictCode == AreaDistrict)
            || (EF.Parameter(AreaDistrict) == null && Persons.Any(p => p.Id == c.PersonId)));
        b.Entity<Zones.Zone>().HasQueryFilter(z =>
            (EF.Parameter(AreaDistrict) == null && EF.Parameter(AreaStreet) == null && EF.Parameter(AreaCommunity) == null && EF.Parameter(AreaGrid) == null)
            || (EF.Parameter(AreaDistrict) != null && z.DistrictCode == AreaDistrict)
            || (EF.Parameter(AreaDistrict) == null && ZoneHouseholds.Any(h => h.ZoneId == z.Id && Persons.Any(p => p.HouseholdId == h.HouseholdId))));
        b.Entity<Visit>().HasQueryFilter(x => (EF.Parameter(AreaDistrict) == null && EF.Parameter(AreaStreet) == null && EF.Parameter(AreaCommunity) == null && EF.Parameter(AreaGrid) == null) || Persons.Any(p => p.Id == x.PersonId));
        // Contacts and stays carry their person's district (stamped on save, DistrictStamps): a district's lists and counts
        // read their own (DistrictCode, …) indexes instead of probing persons row by row; below a district, by the person.
        b.Entity<ContactProposal>().HasQueryFilter(x => (EF.Parameter(AreaDistrict) == null && EF.Parameter(AreaStreet) == null && EF.Parameter(AreaCommunity) == null && EF.Parameter(AreaGrid) == null)
            || (EF.Parameter(AreaDistrict) != null && x.DistrictCode == AreaDistrict) || (EF.Parameter(AreaDistrict) == null && Persons.Any(p => p.Id == x.PersonId)));
        b.Entity<Quarantine.QuarantineStay>().HasQueryFilter(x => (EF.Parameter(AreaDistrict) == null && EF.Parameter(AreaStreet) == null && EF.Parameter(AreaCommunity) == null && EF.Parameter(AreaGrid) == null)
            || (EF.Parameter(AreaDistrict) != null && x.DistrictCode == AreaDistrict) || (EF.Parameter(AreaDistrict) == null && Persons.Any(p => p.Id == x.PersonId)));
        b.Entity<Quarantine.QuarantineTransfer>().HasQueryFilter(x => (EF.Parameter(AreaDistrict) == null && EF.Parameter(AreaStreet) == null && EF.Parameter(AreaCommunity) == null && EF.Parameter(AreaGrid) == null) || Persons.Any(p => p.Id == x.PersonId));
        b.Entity<Sample>().HasQueryFilter(x => (EF.Parameter(AreaDistrict) == null && EF.Parameter(AreaStreet) == null && EF.Parameter(AreaCommunity) == null && EF.Parameter(AreaGrid) == null) || Persons.Any(p => p.Id == x.PersonId));
        b.Entity<TestResult>().HasQueryFilter(x => (EF.Parameter(AreaDistrict) == null && EF.Parameter(AreaStreet) == null && EF.Parameter(AreaCommunity) == null && EF.Parameter(AreaGrid) == null) || Persons.Any(p => p.Id == x.PersonId));
        b.Entity<Hospitals.BedStay>().HasQueryFilter(x => (EF.Parameter(AreaDistrict) == null && EF.Parameter(AreaStreet) == null && EF.Parameter(AreaCommunity) == null && EF.Parameter(AreaGrid) == null) || Persons.Any(p => p.Id == x.PersonId));
        b.Entity<Hospitals.CaseTransfer>().HasQueryFilter(x => (EF.Parameter(AreaDistrict) == null && EF.Parameter(AreaStreet) == null && EF.Parameter(AreaCommunity) == null && EF.Parameter(AreaGrid) == null) || Persons.Any(p => p.Id == x.PersonId));
        // A batch of case transfers is an area's when one of its trips is; its counts are then the area's trips (CaseTransfers.BatchViewsAsync).
        b.Entity<Hospitals.CaseTransferBatch>().HasQueryFilter(x => (EF.Parameter(AreaDistrict) == null && EF.Parameter(AreaStreet) == null && EF.Parameter(AreaCommunity) == null && EF.Parameter(AreaGrid) == null) || CaseTransfers.Any(t => t.BatchId == x.Id));
        // A door-to-door task is a household's: in the area when someone of the household is.
        b.Entity<DoorTask>().HasQueryFilter(x => (EF.Parameter(AreaDistrict) == null && EF.Parameter(AreaStreet) == null && EF.Parameter(AreaCommunity) == null && EF.Parameter(AreaGrid) == null) || Persons.Any(p => p.HouseholdId == x.HouseholdId));
        b.Entity<RoundResident>().HasQueryFilter(x => (EF.Parameter(AreaDistrict) == null && EF.Parameter(AreaStreet) == null && EF.Parameter(AreaCommunity) == null && EF.Parameter(AreaGrid) == null) || Persons.Any(p => p.Id == x.PersonId));
        // Who read whose trajectory: a venue log's reads name no person and stay visible.
        b.Entity<TraceAccess>().HasQueryFilter(x => (EF.Parameter(AreaDistrict) == null && EF.Parameter(AreaStreet) == null && EF.Parameter(AreaCommunity) == null && EF.Parameter(AreaGrid) == null) || x.PersonId == null || Persons.Any(p => p.Id == x.PersonId));
        // The audit log as administrators read it: entries about a person outside the area are not theirs to see (the chain's check reads past this filter).
        b.Entity<Audit.AuditEntry>().HasQueryFilter(x => (EF.Parameter(AreaDistrict) == null && EF.Parameter(AreaStreet) == null && EF.Parameter(AreaCommunity) == null && EF.Parameter(AreaGrid) == null) || x.PersonId == null || Persons.Any(p => p.Id == x.PersonId));
        b.Entity<Codes.ManualCodeRequest>().HasQueryFilter(x => (EF.Parameter(AreaDistrict) == null && EF.Parameter(AreaStreet) == null && EF.Parameter(AreaCommunity) == null && EF.Parameter(AreaGrid) == null) || Persons.Any(p => p.Id == x.PersonId));
        // Checkpoints and what they checked are their district's (ADR 0040); an area below a district has none.
        b.Entity<Checkpoints.Checkpoint>().HasQueryFilter(x => (EF.Parameter(AreaDistrict) == null && EF.Parameter(AreaStreet) == null && EF.Parameter(AreaCommunity) == null && EF.Parameter(AreaGrid) == null)
            || (EF.Parameter(AreaDistrict) != null && x.DistrictCode == AreaDistrict));
        b.Entity<Checkpoints.VehicleCheck>().HasQueryFilter(x => (EF.Parameter(AreaDistrict) == null && EF.Parameter(AreaStreet) == null && EF.Parameter(AreaCommunity) == null && EF.Parameter(AreaGrid) == null)
            || (EF.Parameter(AreaDistrict) != null && x.DistrictCode == AreaDistrict));
        b.Entity<Checkpoints.PassengerCheck>().HasQueryFilter(x => (EF.Parameter(AreaDistrict) == null && EF.Parameter(AreaStreet) == null && EF.Parameter(AreaCommunity) == null && EF.Parameter(AreaGrid) == null)
            || (EF.Parameter(AreaDistrict) != null && x.DistrictCode == AreaDistrict));
        // Institutions are their district's and community's (issue 23, ADR 0045); their members, reports, readings, referrals
        // and shifts follow the institution, wherever the members live (a school's pupils come from several districts).
        b.Entity<Institutions.Institution>().HasQueryFilter(x => (EF.Parameter(AreaDistrict) == null && EF.Parameter(AreaStreet) == null && EF.Parameter(AreaCommunity) == null && EF.Parameter(AreaGrid) == null)
            || (EF.Parameter(AreaDistrict) != null && x.DistrictCode == AreaDistrict) || (EF.Parameter(AreaCommunity) != null && x.CommunityId == AreaCommunity)
            || (EF.Parameter(AreaStreet) != null && Communities.Any(c => c.Id == x.CommunityId && c.StreetId == AreaStreet)));
        b.Entity<Institutions.InstitutionMember>().HasQueryFilter(x => (EF.Parameter(AreaDistrict) == null && EF.Parameter(AreaStreet) == null && EF.Parameter(AreaCommunity) == null && EF.Parameter(AreaGrid) == null) || Institutions.Any(i => i.Id == x.InstitutionId));
        b.Entity<Institutions.InstitutionReport>().HasQueryFilter(x => (EF.Parameter(AreaDistrict) == null && EF.Parameter(AreaStreet) == null && EF.Parameter(AreaCommunity) == null && EF.Parameter(AreaGrid) == null) || Institutions.Any(i => i.Id == x.InstitutionId));
        b.Entity<Institutions.MemberReading>().HasQueryFilter(x => (EF.Parameter(AreaDistrict) == null && EF.Parameter(AreaStreet) == null && EF.Parameter(AreaCommunity) == null && EF.Parameter(AreaGrid) == null) || Institutions.Any(i => i.Id == x.InstitutionId));
        b.Entity<Institutions.FeverReferral>().HasQueryFilter(x => (EF.Parameter(AreaDistrict) == null && EF.Parameter(AreaStreet) == null && EF.Parameter(AreaCommunity) == null && EF.Parameter(AreaGrid) == null) || Institutions.Any(i => i.Id == x.InstitutionId));
        b.Entity<Institutions.StaffShift>().HasQueryFilter(x => (EF.Parameter(AreaDistrict) == null && EF.Parameter(AreaStreet) == null && EF.Parameter(AreaCommunity) == null && EF.Parameter(AreaGrid) == null) || Institutions.Any(i => i.Id == x.InstitutionId));
        // Residents' appeals go to the officers of the appellant's area (the city's see every one).
        b.Entity<Appeals.Appeal>().HasQueryFilter(x => (EF.Parameter(AreaDistrict) == null && EF.Parameter(AreaStreet) == null && EF.Parameter(AreaCommunity) == null && EF.Parameter(AreaGrid) == null) || Persons.Any(p => p.Id == x.PersonId));
        // An employer's bulk unlock is an area's only when every person on it is: one that spans areas is decided by the city's officers, whole.
        b.Entity<Appeals.BulkUnlock>().HasQueryFilter(x => (EF.Parameter(AreaDistrict) == null && EF.Parameter(AreaStreet) == null && EF.Parameter(AreaCommunity) == null && EF.Parameter(AreaGrid) == null)
            || !BulkUnlockLines.Any(l => l.BulkUnlockId == x.Id && !Persons.Any(p => p.Id == l.PersonId)));
        b.Entity<Community.SpecialGroupMember>().HasQueryFilter(x => (EF.Parameter(AreaDistrict) == null && EF.Parameter(AreaStreet) == null && EF.Parameter(AreaCommunity) == null && EF.Parameter(AreaGrid) == null) || Persons.Any(p => p.Id == x.PersonId));
        // An order of supplies carries its household's district, community and grid (issue 20): one column per level.
        b.Entity<Supplies.SupplyOrder>().HasQueryFilter(x => (EF.Parameter(AreaDistrict) == null && EF.Parameter(AreaStreet) == null && EF.Parameter(AreaCommunity) == null && EF.Parameter(AreaGrid) == null)
            || (EF.Parameter(AreaDistrict) != null && x.DistrictCode == AreaDistrict)
            || (EF.Parameter(AreaStreet) != null && Communities.Any(c => c.Id == x.CommunityId && c.StreetId == AreaStreet))
            || (EF.Parameter(AreaCommunity) != null && x.CommunityId == AreaCommunity)
            || (EF.Parameter(AreaGrid) != null && x.GridId == AreaGrid));
        // A ticket carries its household's area (copied when filed): the community's, street's or district's office sees its own (issue 20).
        b.Entity<Requests.Ticket>().HasQueryFilter(x => (EF.Parameter(AreaDistrict) == null && EF.Parameter(AreaStreet) == null && EF.Parameter(AreaCommunity) == null && EF.Parameter(AreaGrid) == null)
            || (EF.Parameter(AreaDistrict) != null && x.DistrictCode == AreaDistrict) || (EF.Parameter(AreaStreet) != null && x.StreetId == AreaStreet)
            || (EF.Parameter(AreaCommunity) != null && x.CommunityId == AreaCommunity) || (EF.Parameter(AreaGrid) != null && GridHouseholds.Any(g => g.HouseholdId == x.HouseholdId && g.GridId == AreaGrid)));
        // A returnee is followed up where they stay (issue 21): its district, street, community and grid, copied at registration.
        b.Entity<Returnees.Returnee>().HasQueryFilter(x => (EF.Parameter(AreaDistrict) == null && EF.Parameter(AreaStreet) == null && EF.Parameter(AreaCommunity) == null && EF.Parameter(AreaGrid) == null)
            || (EF.Parameter(AreaDistrict) != null && x.DistrictCode == AreaDistrict) || (EF.Parameter(AreaStreet) != null && x.StreetId == AreaStreet)
            || (EF.Parameter(AreaCommunity) != null && x.CommunityId == AreaCommunity) || (EF.Parameter(AreaGrid) != null && x.GridId == AreaGrid));
        b.Entity<Returnees.ReturneeFollowUp>().HasQueryFilter(x => (EF.Parameter(AreaDistrict) == null && EF.Parameter(AreaStreet) == null && EF.Parameter(AreaCommunity) == null && EF.Parameter(AreaGrid) == null) || Returnees.Any(r => r.Id == x.ReturneeId));
        b.Entity<Requests.TicketEvent>().HasQueryFilter(x => (EF.Parameter(AreaDistrict) == null && EF.Parameter(AreaStreet) == null && EF.Parameter(AreaCommunity) == null && EF.Parameter(AreaGrid) == null) || Tickets.Any(t => t.Id == x.TicketId));
        // Supervision (issue 24) is a district's: alerts, orders, plans, inspections, findings and disinfection records carry their district; an area below a district has none.
        b.Entity<Supervision.GateAlert>().HasQueryFilter(x => (EF.Parameter(AreaDistrict) == null && EF.Parameter(AreaStreet) == null && EF.Parameter(AreaCommunity) == null && EF.Parameter(AreaGrid) == null)
            || (EF.Parameter(AreaDistrict) != null && x.DistrictCode == AreaDistrict));
        b.Entity<Supervision.ClosureOrder>().HasQueryFilter(x => (EF.Parameter(AreaDistrict) == null && EF.Parameter(AreaStreet) == null && EF.Parameter(AreaCommunity) == null && EF.Parameter(AreaGrid) == null)
            || (EF.Parameter(AreaDistrict) != null && x.DistrictCode == AreaDistrict));
        b.Entity<Supervision.InspectionPlan>().HasQueryFilter(x => (EF.Parameter(AreaDistrict) == null && EF.Parameter(AreaStreet) == null && EF.Parameter(AreaCommunity) == null && EF.Parameter(AreaGrid) == null)
            || (EF.Parameter(AreaDistrict) != null && x.DistrictCode == AreaDistrict));
        b.Entity<Supervision.Inspection>().HasQueryFilter(x => (EF.Parameter(AreaDistrict) == null && EF.Parameter(AreaStreet) == null && EF.Parameter(AreaCommunity) == null && EF.Parameter(AreaGrid) == null)
            || (EF.Parameter(AreaDistrict) != null && x.DistrictCode == AreaDistrict));
        b.Entity<Supervision.Finding>().HasQueryFilter(x => (EF.Parameter(AreaDistrict) == null && EF.Parameter(AreaStreet) == null && EF.Parameter(AreaCommunity) == null && EF.Parameter(AreaGrid) == null)
            || (EF.Parameter(AreaDistrict) != null && x.DistrictCode == AreaDistrict));
        b.Entity<Supervision.DisinfectionRecord>().HasQueryFilter(x => (EF.Parameter(AreaDistrict) == null && EF.Parameter(AreaStreet) == null && EF.Parameter(AreaCommunity) == null && EF.Parameter(AreaGrid) == null)
            || (EF.Parameter(AreaDistrict) != null && x.DistrictCode == AreaDistrict));
    }
}
