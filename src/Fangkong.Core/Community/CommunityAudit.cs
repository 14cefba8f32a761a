using Fangkong.Core.Data;
using Fangkong.Core.Tracing;

namespace Fangkong.Core.Community;

/// <summary>
/// Every read of residents' data through the community's pages is kept in the same access audit as trajectory reads
/// and unmasked line lists (who, whom, why, when), so administrators see it in one place. The purpose is the record
/// read ("household:123", "grid:7"), as a community worker reads by duty rather than for a case.
/// </summary>
internal static class CommunityAudit
{
    public const string HouseholdKind = "community:household";
    public const string GridKind = "community:grid";
    public const string RegisterKind = "community:special-groups";

    /// <summary>Adds (without saving) one row per person read, so a person's own history shows each read.</summary>
    public static void Persons(FangkongDb db, TimeOrderedIds ids, CommunityScope scope, IEnumerable<long> personIds, string kind, string purpose, DateTime now)
    {
        var reader = new TraceReader(scope.UserId, scope.UserName, purpose);
        foreach (var p in personIds) TraceService.Audit(db, ids, reader, p, null, kind, purpose, now, now, now);
    }

    /// <summary>Adds (without saving) one row for a list read, naming what the list was.</summary>
    public static void List(FangkongDb db, TimeOrderedIds ids, CommunityScope scope, string kind, string purpose, DateTime now) =>
        TraceService.Audit(db, ids, new TraceReader(scope.UserId, scope.UserName, purpose), null, null, kind, purpose, now, now, now);
}
