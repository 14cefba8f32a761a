using Fangkong.Core.Data;
using Fangkong.Domain.Text;
using Fangkong.Domain.Zones;

namespace Fangkong.Core.Zones;

/// <summary>Appends a step to a zone's history (never updated or deleted), unsaved, under the policy in force.</summary>
internal static class ZoneHistory
{
    /// <summary>The members a change names one by one; the rest it counts (they are all on the zone's page).</summary>
    public const int MembersListed = 20;

    /// <summary>
    /// The addresses a zone was drawn or extended by, as a change's evidence: the first <see cref="MembersListed"/>, then
    /// how many more. Every one listed would not fit the stored evidence when 200 compounds are sealed at once.
    /// </summary>
    public static IEnumerable<Message> Members(IReadOnlyList<string> labels) =>
        labels.Count <= MembersListed
            ? labels.Select(l => new Message("Zones.Evidence.Member", l))
            : [.. labels.Take(MembersListed).Select(l => new Message("Zones.Evidence.Member", l)),
                new Message("Zones.Evidence.MoreMembers", (labels.Count - MembersListed).ToString(System.Globalization.CultureInfo.InvariantCulture))];

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
