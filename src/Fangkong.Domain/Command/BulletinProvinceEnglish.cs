namespace Fangkong.Domain.Command;

/// <summary>The province style (2022) in English, sentence for sentence with <see cref="BulletinProvinceChinese"/>.</summary>
public static class BulletinProvinceEnglish
{
    public static string Text(BulletinFigures f, string zones = "")
    {
        var area = f.Level == BulletinLevel.Province ? "the province" : f.AreaEnglishName;
        var date = BulletinEnglish.Date(f.Day);
        return BulletinEnglish.Join(New(f, $"From 0:00 to 24:00 on {date}, {area} reported "), Ended(f, $"From 0:00 to 24:00 on {date}, "),
            Cumulative(f, $"By 24:00 on {date}, {area} had reported "), zones);
    }

    private static string New(BulletinFigures f, string lead)
    {
        var confirmed = f.NewConfirmed.Total;
        if (confirmed == 0 && f.NewAsymptomatic == 0) return lead + "no new locally transmitted confirmed cases or asymptomatic infections.";
        var s = new List<string>
        {
            confirmed == 0 ? "no new locally transmitted confirmed cases."
                : $"{BulletinEnglish.Count(confirmed, "new locally transmitted confirmed case")} ({BulletinEnglish.Types(f.NewConfirmed)}){BulletinEnglish.Places(f, f.ConfirmedByPlace, confirmed)}.",
        };
        if (f.NewAsymptomatic > 0)
            s.Add($"{BulletinEnglish.Count(f.NewAsymptomatic, "new local asymptomatic infection")} {BulletinEnglish.Was(f.NewAsymptomatic)} reported{BulletinEnglish.Places(f, f.AsymptomaticByPlace, f.NewAsymptomatic)}.");
        if (f.Conversions > 0)
        {
            var where = f.Level == BulletinLevel.District || f.ConversionsByPlace.Count == 0 ? ""
                : f.ConversionsByPlace.Count == 1 ? $" (all in {f.ConversionsByPlace[0].EnglishName})" : $" ({BulletinEnglish.List(f.ConversionsByPlace)})";
            s.Add($"Of the new confirmed cases, {f.Conversions} {(f.Conversions == 1 ? "was an asymptomatic infection" : "were asymptomatic infections")} reported earlier{where}.");
        }
        return BulletinEnglish.Paragraph(lead, s);
    }

    private static string Ended(BulletinFigures f, string lead)
    {
        var s = new List<string>();
        if (f.Discharged > 0)
            s.Add($"{BulletinEnglish.Count(f.Discharged, "confirmed case")} {BulletinEnglish.Was(f.Discharged)} discharged from hospital{BulletinEnglish.Places(f, f.DischargedByPlace, f.Discharged)}.");
        if (f.ReleasedAsymptomatic > 0)
            s.Add($"{BulletinEnglish.Count(f.ReleasedAsymptomatic, "asymptomatic infection")} {BulletinEnglish.Was(f.ReleasedAsymptomatic)} released from medical observation{BulletinEnglish.Places(f, f.ReleasedAsymptomaticByPlace, f.ReleasedAsymptomatic)}.");
        return BulletinEnglish.Paragraph(lead, s);
    }

    // Led by "By 24:00 on …, X had reported "; later sentences stand alone.
    private static string Cumulative(BulletinFigures f, string lead)
    {
        var s = new List<string>();
        if (f.CumulativeConfirmed > 0)
        {
            var discharged = f.CumulativeDischarged > 0 ? $", {BulletinEnglish.Number(f.CumulativeDischarged)} discharged" : "";
            var deaths = f.CumulativeDeaths > 0 ? $", {BulletinEnglish.Count(f.CumulativeDeaths, "death")}" : "";
            s.Add($"{BulletinEnglish.Count(f.CumulativeConfirmed, "local confirmed case")} in total{discharged}{deaths}, {BulletinEnglish.Number(f.CurrentConfirmed)} still under treatment.");
        }
        if (f.CumulativeAsymptomatic > 0)
            s.Add((s.Count == 0 ? "" : "It had reported ") + $"{BulletinEnglish.Count(f.CumulativeAsymptomatic, "local asymptomatic infection")} in total"
                + (f.AsymptomaticUnderObservation > 0 ? $", {BulletinEnglish.Number(f.AsymptomaticUnderObservation)} still under medical observation." : "."));
        if (f.CumulativeCloseContacts > 0) s.Add(Contacts(s.Count == 0, "close contact", f.CumulativeCloseContacts, f.CumulativeCloseContactsReleased, f.CloseContactsUnderObservation));
        if (f.CumulativeSecondaryContacts > 0) s.Add(Contacts(s.Count == 0, "secondary contact", f.CumulativeSecondaryContacts, f.CumulativeSecondaryContactsReleased, f.SecondaryContactsUnderObservation));
        return BulletinEnglish.Paragraph(lead, s);
    }

    private static string Contacts(bool first, string grade, int traced, int released, int under) =>
        (first ? "traced " : "It had traced ") + $"{BulletinEnglish.Count(traced, grade)} in total"
        + (released > 0 ? $", {BulletinEnglish.Number(released)} released from medical observation" : "")
        + (under > 0 ? $", {BulletinEnglish.Number(under)} still under medical observation" : "") + ".";
}
