using Fangkong.Domain.Quarantine;
using Fangkong.Domain.Testing;
using Fangkong.Domain.Tracing;

namespace Fangkong.Core.Documents;

/// <summary>The words an exported line list uses for coded values, in Chinese or English (the web pages use their resx).</summary>
public static class LineLabels
{
    private static readonly Dictionary<Enum, (string Zh, string En)> Labels = new()
    {
        [CaseClass.Asymptomatic] = ("无症状感染者", "asymptomatic"),
        [CaseClass.Mild] = ("轻型", "mild"),
        [CaseClass.Common] = ("普通型", "common"),
        [CaseClass.Severe] = ("重型", "severe"),
        [CaseClass.Critical] = ("危重型", "critical"),
        [CaseClass.Suspected] = ("疑似", "suspected"),
        [CaseStatus.Reported] = ("已报告", "reported"),
        [CaseStatus.InHospital] = ("住院", "in hospital"),
        [CaseStatus.Discharged] = ("出院", "discharged"),
        [CaseStatus.Released] = ("解除隔离", "released"),
        [CaseStatus.Died] = ("死亡", "died"),
        [CaseFoundBy.PoolResampling] = ("混管复核", "pool re-sampling"),
        [CaseFoundBy.SingleTube] = ("单管检测", "single tube"),
        [CaseFoundBy.FeverClinic] = ("发热门诊", "fever clinic"),
        [CaseFoundBy.Checkpoint] = ("卡口查验", "checkpoint"),
        [CaseFoundBy.ContactUnderQuarantine] = ("隔离管控中发现", "contact under quarantine"),
        [CaseFoundBy.Other] = ("其他", "other"),
        [ContactGrade.Close] = ("密切接触者", "close contact"),
        [ContactGrade.Secondary] = ("密接的密接", "secondary contact"),
        [ContactGrade.Companion] = ("时空伴随者", "companion"),
        [ContactKind.Household] = ("同住", "household"),
        [ContactKind.SharedVisit] = ("同场所", "shared visit"),
        [ContactKind.NamedByInvestigator] = ("流调指认", "named by investigator"),
        [ProposalStatus.Proposed] = ("待确认", "proposed"),
        [ProposalStatus.Confirmed] = ("已确认", "confirmed"),
        [ProposalStatus.Dismissed] = ("已排除", "dismissed"),
        [ContactRole.CloseContact] = ("密切接触者", "close contact"),
        [ContactRole.SecondaryContact] = ("密接的密接", "secondary contact"),
        [QuarantinePlace.Centralized] = ("集中隔离", "centralized"),
        [QuarantinePlace.Home] = ("居家隔离", "at home"),
        [QuarantineState.InQuarantine] = ("隔离中", "in quarantine"),
        [QuarantineState.Released] = ("已解除", "released"),
        [StayOutcome.InQuarantine] = ("隔离中", "in quarantine"),
        [StayOutcome.CaseInQuarantine] = ("隔离中（已转为病例）", "in quarantine (became a case)"),
        [StayOutcome.BecameCase] = ("转为病例", "became a case"),
        [StayOutcome.ReleasedEarly] = ("提前解除", "released early"),
        [StayOutcome.ReleasedOnSchedule] = ("期满解除", "released on schedule"),
        [PolicyEdition.Edition8] = ("第八版", "edition 8"),
        [PolicyEdition.Edition9] = ("第九版", "edition 9"),
        [PolicyEdition.TwentyMeasures] = ("二十条", "20 measures"),
        [TubeKind.Pool] = ("混管", "pool"),
        [TubeKind.OnePerson] = ("单管", "single tube"),
        [TubeKind.Household] = ("家庭管", "household tube"),
        [TubeKind.Resample] = ("复采单管", "re-sample single tube"),
        [SampleResult.Pending] = ("待出结果", "pending"),
        [SampleResult.Negative] = ("阴性", "negative"),
        [SampleResult.PoolPositive] = ("混管阳性", "positive pool"),
        [SampleResult.Positive] = ("阳性", "positive"),
    };

    public static string Of(Enum value, bool english) =>
        Labels.TryGetValue(value, out var l) ? (english ? l.En : l.Zh) : value.ToString();
}
