namespace Fangkong.Domain.Command;

/// <summary>The city style (2020) in English, sentence for sentence with <see cref="BulletinCityChinese"/>.</summary>
public static class BulletinCityEnglish
{
    public const string Reminder = "Residents, and above all those returning home or to work, are asked to keep protecting themselves, to report their travel history to their community (village), and to see a fever clinic promptly if they develop fever, cough or similar symptoms.";

    public static string Office(BulletinFigures f) => $"Office of the {f.AreaEnglishName} COVID-19 Prevention and Control Leading Group";

    public static string Text(BulletinFigures f, string zones = "")
    {
        var date = BulletinEnglish.Date(f.Day);
        return BulletinEnglish.Join(New(f, $"From 0:00 to 24:00 on {date}, {f.AreaEnglishName} reported "), Cumulative(f, $"By 24:00 on {date}, {f.AreaEnglishName} had "),
            zones, Reminder, Office(f) + "\n" + BulletinEnglish.Date(f.Day.AddDays(1)));
    }

    private static string New(BulletinFigures f, string lead)
    {
        var confirmed = f.NewConfirmed.Total;
        var s = new List<string>();
        if (confirmed == 0)
            s.Add(f.NewSuspected == 0 ? "no new confirmed or suspected cases." : $"no new confirmed cases and {BulletinEnglish.Count(f.NewSuspected, "new suspected case")}.");
        else
        {
            s.Add($"{BulletinEnglish.Count(confirmed, "new confirmed case")} ({BulletinEnglish.Types(f.NewConfirmed)}){BulletinEnglish.Places(f, f.ConfirmedByPlace, confirmed)}.");
            if (f.NewSuspected > 0) s.Add($"{BulletinEnglish.Count(f.NewSuspected, "new suspected case")} {BulletinEnglish.Was(f.NewSuspected)} reported.");
        }
        if (f.NewAsymptomatic > 0) s.Add($"{BulletinEnglish.Count(f.NewAsymptomatic, "new asymptomatic infection")} {BulletinEnglish.Was(f.NewAsymptomatic)} reported.");
        return BulletinEnglish.Paragraph(lead, s);
    }

    // Led by "By 24:00 on …, X had "; each sentence continues it ("reported …", "traced …") or stands alone.
    private static string Cumulative(BulletinFigures f, string lead)
    {
        var s = new List<string>();
        string Open(string verb) => s.Count == 0 ? verb : "It had " + verb;
        if (f.CumulativeConfirmed > 0)
        {
            var discharged = f.CumulativeDischarged > 0 ? $", {BulletinEnglish.Number(f.CumulativeDischarged)} discharged" : "";
            var deaths = f.CumulativeDeaths > 0 ? $", {BulletinEnglish.Count(f.CumulativeDeaths, "death")}" : "";
            s.Add(Open("reported ") + $"{BulletinEnglish.Count(f.CumulativeConfirmed, "confirmed case")} in total{discharged}{deaths}, {BulletinEnglish.Number(f.CurrentConfirmed)} in hospital.");
        }
        if (f.CumulativeSuspected > 0)
        {
            var excluded = f.SuspectedExcluded > 0 ? $", {BulletinEnglish.Number(f.SuspectedExcluded)} excluded" : "";
            var converted = f.SuspectedConverted > 0 ? $", {BulletinEnglish.Number(f.SuspectedConverted)} confirmed" : "";
            var current = f.CurrentSuspected > 0 ? $", {BulletinEnglish.Number(f.CurrentSuspected)} still suspected" : ", none still suspected";
            s.Add(Open("reported ") + $"{BulletinEnglish.Count(f.CumulativeSuspected, "suspected case")} in total{excluded}{converted}{current}.");
        }
        if (f.CumulativeCloseContacts > 0)
            s.Add(Open("traced ") + $"{BulletinEnglish.Count(f.CumulativeCloseContacts, "close contact")} in total"
                + (f.CumulativeCloseContactsReleased > 0 ? $", {BulletinEnglish.Number(f.CumulativeCloseContactsReleased)} released from medical observation" : "")
                + (f.CloseContactsUnderObservation > 0 ? $", {BulletinEnglish.Number(f.CloseContactsUnderObservation)} still under medical observation." : "."));
        if (f.InCentralizedIsolation > 0 || f.InHomeIsolation > 0)
            s.Add(Open("") + string.Join(" and ", new[] { (f.InCentralizedIsolation, "in centralized isolation"), (f.InHomeIsolation, "in home isolation") }
                .Where(x => x.Item1 > 0).Select(x => $"{BulletinEnglish.Number(x.Item1)} {(x.Item1 == 1 ? "person" : "people")} {x.Item2}")) + ".");
        if (f.ScreenedCumulative > 0)
            s.Add(Open("screened ") + (f.ScreenedToday > 0 ? $"{BulletinEnglish.Number(f.ScreenedToday)} people that day and " : "") + $"{BulletinEnglish.Number(f.ScreenedCumulative)} in total (person-times).");
        if (f.SupplyOrders > 0)
            s.Add(Open("taken ") + $"{BulletinEnglish.Count(f.SupplyOrdersToday, "supply order")} that day and {BulletinEnglish.Number(f.SupplyOrders)} in total; "
                + $"{BulletinEnglish.Count(f.SupplyHouseholdsServed, "household")} served, {BulletinEnglish.Count(f.SupplyPacksDelivered, "pack")} ({Weight(f.SupplyKgDelivered)}) delivered"
                + (f.SupplyOrdersOverdue > 0 ? $", {BulletinEnglish.Number(f.SupplyOrdersOverdue)} overdue." : "."));
        if (f.RequestsReceived > 0)
            s.Add(Open("received ") + $"{BulletinEnglish.Count(f.RequestsReceivedToday, "citizens' request")} that day and resolved {BulletinEnglish.Number(f.RequestsResolvedToday)}; {BulletinEnglish.Number(f.RequestsReceived)} received and {BulletinEnglish.Number(f.RequestsResolved)} resolved in total"
                + (f.RequestsOverdue > 0 ? $", {BulletinEnglish.Number(f.RequestsOverdue)} overdue." : "."));
        return BulletinEnglish.Paragraph(lead, s);
    }

    /// <summary>Kilograms as the press reads them: tonnes from one tonne up ("698 t"), kilograms below.</summary>
    private static string Weight(decimal kg) =>
        kg >= 1000 ? (kg / 1000).ToString("#,0.#", System.Globalization.CultureInfo.InvariantCulture) + " t" : kg.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture) + " kg";
}
