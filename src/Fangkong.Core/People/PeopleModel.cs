using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.People;

/// <summary>The address tree, persons and their markers: their tables and indexes.</summary>
internal static class PeopleModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<DistrictRow>(e => { e.ToTable("districts"); e.HasKey(x => x.Code); e.Property(x => x.Code).HasMaxLength(6); });
        b.Entity<Street>(e => { e.ToTable("streets"); e.HasIndex(x => x.DistrictCode); e.Property(x => x.Id).ValueGeneratedNever(); });
        b.Entity<Community>(e => { e.ToTable("communities"); e.HasIndex(x => x.StreetId); e.Property(x => x.Id).ValueGeneratedNever(); });
        b.Entity<Compound>(e => { e.ToTable("compounds"); e.HasIndex(x => x.CommunityId); e.Property(x => x.Id).ValueGeneratedNever(); });
        b.Entity<Building>(e => { e.ToTable("buildings"); e.HasIndex(x => x.CompoundId); e.Property(x => x.Id).ValueGeneratedNever(); });
        b.Entity<BuildingUnit>(e => { e.ToTable("units"); e.HasIndex(x => x.BuildingId); e.Property(x => x.Id).ValueGeneratedNever(); });
        b.Entity<Household>(e => { e.ToTable("households"); e.HasIndex(x => x.UnitId); e.Property(x => x.Id).ValueGeneratedNever(); });
        b.Entity<Person>(e =>
        {
            e.ToTable("persons");
            e.Property(x => x.Id).ValueGeneratedNever();
            // Number first: the gate looks visitors up by number for a whole group at once.
            e.HasIndex(x => new { x.DocumentNumber, x.DocumentType }).IsUnique();
            e.HasIndex(x => x.Token).IsUnique();
            e.HasIndex(x => x.Name);
            e.HasIndex(x => x.Phone);
            e.HasIndex(x => x.HouseholdId);
            // A district's persons, and a name search within them as one range of this index (ADR 0028).
            e.HasIndex(x => new { x.DistrictCode, x.Name });
            e.HasIndex(x => x.CommunityId);
            e.Property(x => x.DistrictCode).HasMaxLength(6);
            e.Property(x => x.DocumentNumber).HasMaxLength(20);
            e.Property(x => x.Name).HasMaxLength(64);
            e.Property(x => x.Phone).HasMaxLength(20);
            e.Property(x => x.Token).HasMaxLength(32);
        });
        b.Entity<PersonMarker>(e => { e.ToTable("person_markers"); e.HasKey(x => new { x.PersonId, x.Kind }); });
    }
}
