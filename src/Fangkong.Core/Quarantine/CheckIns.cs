using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.People;
using Fangkong.Domain.Quarantine;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Quarantine;

/// <summary>One day's health monitoring of a quarantined person, by themselves on the phone or by staff.</summary>
public sealed class QuarantineCheckIn
{
    public long Id { get; set; }
    public long StayId { get; set; }
    public long PersonId { get; set; }
    public DateOnly Day { get; set; }
    public DateTime AtUtc { get; set; }
    public decimal Temperature { get; set; }
    /// <summary>Symptom codes, comma-separated (see <see cref="CheckIns.Symptoms"/>); empty when none.</summary>
    public required string Symptoms { get; set; }
    public long ByUserId { get; set; }
    public CheckInAlert Alert { get; set; }
}

public sealed record CheckInRequest(decimal? Temperature, IReadOnlyList<string>? Symptoms);

public sealed record CheckInAnswer(long StayId, DateOnly Day, decimal Temperature, IReadOnlyList<string> Symptoms, CheckInAlert Alert, bool Replaced);

/// <summary>An alert for the monitoring officer: a fever, a symptom, or a day with no check-in by the cut-off.</summary>
public sealed record MonitoringAlert(long StayId, long PersonId, string MaskedName, long? SiteId, string? Room, DateOnly Day, CheckInAlert Alert, decimal? Temperature, string Symptoms);

/// <summary>
/// Daily check-ins (temperature, symptoms) of persons in quarantine. One per day: a second one the same day replaces
/// the first (a resident correcting a typo, or a retry). A fever or any symptom raises an alert at once; a day without
/// a check-in by the cut-off (20:00 city time by default) raises a missed alert.
/// </summary>
public sealed class CheckIns(TimeOrderedIds ids, CityClock clock)
{
    public static readonly IReadOnlyList<string> Symptoms = ["fever", "cough", "sore-throat", "fatigue", "diarrhoea", "loss-of-smell", "other"];

    public async Task<CheckInAnswer> SubmitAsync(FangkongDb db, long stayId, CheckInRequest r, long byUserId, CancellationToken ct)
    {
        var stay = await db.QuarantineStays.AsNoTracking().FirstOrDefaultAsync(x => x.Id == stayId, ct) ?? throw new NotFoundException("stayId", Messages.Get("Quarantine.NoSuchStay"));
        if (stay.State != QuarantineState.InQuarantine) throw new ConflictException(Messages.Get("Quarantine.NoCheckInsAfterRelease"), "Released");
        var temperature = r.Temperature ?? throw new InputException("temperature", Messages.Get("Quarantine.TemperatureRequired"));
        if (temperature is < 34.0m or > 43.0m) throw new InputException("temperature", Messages.Get("Quarantine.TemperatureOutOfRange"));
        var symptoms = (r.Symptoms ?? []).Select(s => s.Trim()).Where(s => s.Length > 0).Distinct().ToList();
        if (symptoms.FirstOrDefault(s => !Symptoms.Contains(s)) is { } unknown)
            throw new InputException("symptoms", Messages.Get("Quarantine.UnknownSymptom", unknown, string.Join(Messages.Get("Common.ListSeparator"), Symptoms)));
        var day = DateOnly.FromDateTime(clock.LocalNow);
        var alert = CheckInRule.Assess(temperature, symptoms);
        var existing = await db.QuarantineCheckIns.FirstOrDefaultAsync(x => x.StayId == stayId && x.Day == day, ct);
        var entry = existing ?? new QuarantineCheckIn { Id = ids.Next(), StayId = stayId, PersonId = stay.PersonId, Day = day, Symptoms = "" };
        entry.AtUtc = clock.UtcNow;
        entry.Temperature = temperature;
        entry.Symptoms = string.Join(',', symptoms);
        entry.ByUserId = byUserId;
        entry.Alert = alert;
        if (existing is null) db.QuarantineCheckIns.Add(entry);
        await db.SaveChangesAsync(ct);
        return new CheckInAnswer(stayId, day, temperature, symptoms, alert, existing is not null);
    }

    /// <summary>Today's alerts: fevers and symptoms reported, and — from the cut-off — everyone in quarantine who has not checked in.</summary>
    public async Task<IReadOnlyList<MonitoringAlert>> AlertsAsync(FangkongDb db, long? siteId, CancellationToken ct)
    {
        var now = clock.LocalNow;
        var day = DateOnly.FromDateTime(now);
        var stays = db.QuarantineStays.AsNoTracking().Where(x => x.State == QuarantineState.InQuarantine && x.Day1 <= day);
        if (siteId is { } s) stays = stays.Where(x => x.SiteId == s);
        var rows = await (from x in stays
                          join p in db.Persons on x.PersonId equals p.Id
                          join room in db.QuarantineRooms on x.RoomId equals (long?)room.Id into rooms
                          from room in rooms.DefaultIfEmpty()
                          let c = db.QuarantineCheckIns.FirstOrDefault(k => k.StayId == x.Id && k.Day == day)
                          select new { x.Id, x.PersonId, p.Name, x.SiteId, Room = room == null ? null : room.Number, c })
            .ToListAsync(ct);
        var missedNow = CheckInRule.IsMissed(day, false, now, CheckInRule.DefaultCutOff);
        return rows.Where(r => r.c is { Alert: not CheckInAlert.None } || (r.c is null && missedNow))
            .Select(r => new MonitoringAlert(r.Id, r.PersonId, Masking.Name(r.Name), r.SiteId, r.Room, day, r.c?.Alert ?? CheckInAlert.Missed, r.c?.Temperature, r.c?.Symptoms ?? ""))
            .OrderByDescending(a => a.Alert == CheckInAlert.Fever).ThenBy(a => a.Alert).ThenBy(a => a.StayId).ToList();
    }
}
