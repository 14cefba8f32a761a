using Fangkong.Domain.Tracing;
namespace Fangkong.Domain.Simulation;

/// <summary>
/// How one simulated infection runs, in days from the day of infection: infectious (and positive on a nucleic-acid test)
/// from <see cref="LatentDays"/> for <see cref="InfectiousDays"/>; if symptomatic, onset on <see cref="OnsetDay"/> and a
/// visit to a fever clinic <see cref="ClinicDelayDays"/> later; the case ends (discharge or release) <see cref="RecoveryDays"/>
/// after it is reported, or in death for a few critical cases.
/// </summary>
public sealed record InfectionCourse(int LatentDays, int InfectiousDays, bool Symptomatic, int OnsetDay, int ClinicDelayDays, ClinicalType? Type,
    int RecoveryDays, bool Dies)
{
    /// <summary>Share of infections with symptoms (Omicron in Jilin, 2022: most infections found were asymptomatic at first).</summary>
    public const double SymptomaticShare = 0.5;

    /// <summary>Draws a course: latent 2–3 days, infectious 7–9, onset 1–2 days after becoming infectious, clinic 0–1 day after onset,
    /// mild 70 %, common 26 %, severe 3 %, critical 1 % (a third of them die), recovery 10–14 days after the report.</summary>
    public static InfectionCourse Draw(Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var latent = rng.Next(2, 4);
        var infectious = rng.Next(7, 10);
        var symptomatic = rng.NextDouble() < SymptomaticShare;
        var onset = latent + rng.Next(1, 3);
        var clinic = rng.Next(0, 2);
        var t = rng.NextDouble();
        ClinicalType? type = !symptomatic ? null : t < 0.70 ? ClinicalType.Mild : t < 0.96 ? ClinicalType.Common : t < 0.99 ? ClinicalType.Severe : ClinicalType.Critical;
        var recovery = rng.Next(10, 15);
        var dies = type == ClinicalType.Critical && rng.NextDouble() < 1.0 / 3;
        return new InfectionCourse(latent, infectious, symptomatic, symptomatic ? onset : 0, symptomatic ? clinic : 0, type, recovery, dies);
    }

    /// <summary>Whether the person is infectious <paramref name="day"/> days after infection (day 0).</summary>
    public bool InfectiousOn(int day) => day >= LatentDays && day < LatentDays + InfectiousDays;

    /// <summary>Whether a nucleic-acid test taken that day is positive: from the end of the latent period for two weeks.</summary>
    public bool PositiveOn(int day) => day >= LatentDays && day < LatentDays + 14;

    /// <summary>Whether the person has symptoms (fever) that day.</summary>
    public bool SymptomsOn(int day) => Symptomatic && day >= OnsetDay && day < OnsetDay + 5;
}
