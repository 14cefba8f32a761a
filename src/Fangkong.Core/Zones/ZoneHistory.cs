using Fangkong.Core.Data;
using Fangkong.Domain.Text;
using Fangkong.Domain.Zones;

namespace Fangkong.Core.Zones;

/// <summary>Appends a step to a zone's history (never updated or deleted), unsaved, under the policy in force.</summary>
internal static class ZoneHistory
{
    public static ZoneChange Add(FangkongDb db, TimeOrderedIds ids, ZonePolicy policy, Zone zone, ZoneChangeKind kind, ZoneLevel? from, ZoneLevel? to,
        string rule, IEnumerable<Message> evidence, long? officer, long? approver, DateTime atUtc)
    {
        var change = new ZoneChange
        {
            Id = ids.Next(),
            ZoneId = zone.Id,
            Kind = kind,
            FromLevel = from,
            ToLevel = to,
            Rule = rule,
            Evidence = [.. evidence],
            OfficerUserId = officer,
            ApproverUserId = approver,
            PolicyVersion = policy.Version,
            AtUtc = atUtc,
        };
        db.ZoneChanges.Add(change);
        return change;
    }
}
