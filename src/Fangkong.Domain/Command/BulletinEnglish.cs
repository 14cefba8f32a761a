using System.Globalization;
using System.Text;

namespace Fangkong.Domain.Command;

/// <summary>The bulletin in English, sentence for sentence with <see cref="BulletinChinese"/>: the same clauses kept or left out.</summary>
public static class BulletinEnglish
{
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-GB");

    public static string Title(BulletinFigures f) => $"COVID-19 situation in {f.AreaEnglishName}, {Date(f.Day)}";

    public static string Text(BulletinFigures f)
    {
        var area = Area(f);
        var sb = new StringBuilder($"From 0:00 to 24:00 on {Date(f.Day)}, {area} reported ");
        var confirmed = f.NewConfirmed.Total;
        if (confirmed == 0 && f.NewAsymptomatic == 0) sb.Append("no new locally transmitted confirmed cases or asymptomatic infections.");
        else
        {
            if (confirmed == 0) sb.Append("no new locally transmitted confirmed cases");
            else sb.Append($"{Count(confirmed, "new locally transmitted confirmed case")} ({Types(f.NewConfirmed)})").Append(Places(f, f.ConfirmedByPlace, confirmed));
            sb.Append("; and ");
            if (f.NewAsymptomatic == 0) sb.Append("no new local asymptomatic infections");
            else sb.Append($"{Count(f.NewAsymptomatic, "new local asymptomatic infection")}").Append(Places(f, f.AsymptomaticByPlace, f.NewAsymptomatic));
            sb.Append('.');
        }
        if (f.Conversions > 0)
        {
            sb.Append($" Of the new confirmed cases, {f.Conversions} {(f.Conversions == 1 ? "was an asymptomatic infection" : "were asymptomatic infections")} reported earlier");
            if (f.Level != BulletinLevel.District && f.ConversionsByPlace.Count > 0)
                sb.Append(" (").Append(f.ConversionsByPlace.Count == 1 ? $"all in {f.ConversionsByPlace[0].EnglishName}" : List(f.ConversionsByPlace)).Append(')');
            sb.Append('.');
        }
        if (f.Discharged > 0 || f.ReleasedAsymptomatic > 0)
        {
            var parts = new List<string>();
            if (f.Discharged > 0) parts.Add($"{Count(f.Discharged, "patient")} {(f.Discharged == 1 ? "was" : "were")} discharged from hospital");
            if (f.ReleasedAsymptomatic > 0) parts.Add($"{Count(f.ReleasedAsymptomatic, "asymptomatic infection")} released from medical observation");
            sb.Append(" That day ").AppendJoin(" and ", parts).Append('.');
        }
        sb.Append($" By 24:00 on {Date(f.Day)}, {area} had reported {Count(f.CumulativeConfirmed, "local confirmed case")} in total, {f.CumulativeDischarged} discharged");
        if (f.CumulativeDeaths > 0) sb.Append($", {Count(f.CumulativeDeaths, "death")}");
        sb.Append($", {f.CurrentConfirmed} still under treatment; and {Count(f.CumulativeAsymptomatic, "local asymptomatic infection")}, {f.AsymptomaticUnderObservation} still under medical observation.");
        sb.Append(' ').Append(Contacts(f));
        return sb.ToString();
    }

    private static string Contacts(BulletinFigures f)
    {
        var traced = f.NewCloseContacts == 0 && f.NewSecondaryContacts == 0 ? "No new close contacts were traced that day"
            : f.NewSecondaryContacts == 0 ? $"{Count(f.NewCloseContacts, "close contact")} {(f.NewCloseContacts == 1 ? "was" : "were")} traced that day"
            : $"{Count(f.NewCloseContacts, "close contact")} and {Count(f.NewSecondaryContacts, "secondary contact")} were traced that day";
        var released = f.ReleasedContacts > 0 ? $", {f.ReleasedContacts} released from medical observation" : "";
        var under = f.SecondaryContactsUnderObservation == 0
            ? $"{Count(f.CloseContactsUnderObservation, "close contact")} {(f.CloseContactsUnderObservation == 1 ? "remains" : "remain")} under medical observation"
            : $"{Count(f.CloseContactsUnderObservation, "close contact")} and {Count(f.SecondaryContactsUnderObservation, "secondary contact")} remain under medical observation";
        return $"{traced}{released}; {under}.";
    }

    private static string Types(ClinicalTypes t)
    {
        var parts = new List<(string Name, int Count)> { ("mild", t.Mild), ("common", t.Common), ("severe", t.Severe), ("critical", t.Critical) }.Where(p => p.Count > 0).ToList();
        return parts.Count == 1 ? $"all {parts[0].Name}" : string.Join(", ", parts.Select(p => $"{p.Count} {p.Name}"));
    }

    private static string Places(BulletinFigures f, IReadOnlyList<PlaceCount> places, int total)
    {
        if (f.Level == BulletinLevel.District || places.Count == 0) return "";
        if (places.Count == 1 && places[0].Count == total) return $", all in {places[0].EnglishName}";
        return ": " + List(places);
    }

    private static string List(IReadOnlyList<PlaceCount> places) =>
        string.Join(", ", BulletinOrder.Largest(places).Select(p => $"{p.Count} in {p.EnglishName}"));

    private static string Area(BulletinFigures f) => f.Level switch
    {
        BulletinLevel.Province => "the province",
        BulletinLevel.City => "the city",
        _ => f.AreaEnglishName,
    };

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n.ToString(En)} {noun}s";

    private static string Date(DateOnly d) => d.ToString("d MMMM yyyy", En);
}
