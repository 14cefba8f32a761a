using System.Text.Json;
using Fangkong.Core.Common;
using Fangkong.Core.Data;
using Fangkong.Domain.Command;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Core.Command;

/// <summary>A draft to generate: the day, the area, and the official style to write it in (the province style when none is chosen).</summary>
public sealed record BulletinRequest(DateOnly? Day, BulletinLevel? Level, string? Area, BulletinStyle? Style = null);

public sealed record BulletinEdit(string? TitleZh, string? TextZh, string? TitleEn, string? TextEn);

/// <summary>Drafts generated from the data, edited, published once per area and day, and listed.</summary>
public sealed class Bulletins(TimeOrderedIds ids, CityClock clock, BulletinPolicy placeOrder)
{
    public const int MaxText = 8_000;

    public async Task<Bulletin> DraftAsync(FangkongDb db, BulletinRequest r, long userId, CancellationToken ct)
    {
        var day = r.Day ?? throw new InputException("day", Messages.Get("Command.DayRequired"));
        PlausibleDates.Check(day, "day");
        if (day >= clock.Today) throw new InputException("day", Messages.Get("Command.DayNotEnded"));
        var level = r.Level ?? throw new InputException("level", Messages.Get("Command.LevelRequired"));
        var area = r.Area?.Trim() ?? throw new InputException("area", Messages.Get("Command.AreaRequired"));
        var style = r.Style ?? BulletinStyle.Province;
        if (!Enum.IsDefined(style)) throw new InputException("style", Messages.Get("Command.Style"));
        var f = await BulletinPressFigures.AddAsync(db, clock, await BulletinFacts.FiguresAsync(db, clock, day, level, area, ct, placeOrder), ct);
        // The day's zones, named: set and lifted in the area (a district's own; a city's or province's all).
        var zones = await Zones.ZoneTallies.ReadAsync(db, clock, day, level == BulletinLevel.District ? area : null, ct);
        List<BulletinZone> set = [.. zones.New.Select(z => z.ForBulletin)], lifted = [.. zones.Lifted.Select(z => z.ForBulletin)];
        var b = new Bulletin
        {
            Id = ids.Next(),
            Day = day,
            Level = level,
            AreaCode = area,
            TitleZh = BulletinChinese.Title(f, style),
            TextZh = BulletinChinese.Text(f, style, BulletinZones.Chinese(set, lifted)),
            TitleEn = BulletinEnglish.Title(f, style),
            TextEn = BulletinEnglish.Text(f, style, BulletinZones.English(set, lifted)),
            FiguresJson = JsonSerializer.Serialize(f),
            GeneratedByUserId = userId,
            GeneratedAtUtc = clock.UtcNow,
        };
        db.Bulletins.Add(b);
        await db.SaveChangesAsync(ct);
        return b;
    }

    public async Task<Bulletin> EditAsync(FangkongDb db, long id, BulletinEdit e, long userId, CancellationToken ct)
    {
        var b = await GetAsync(db, id, ct);
        if (b.State == BulletinState.Published) throw new ConflictException(Messages.Get("Command.Published"), "Published");
        b.TitleZh = Text(e.TitleZh, "titleZh", 200) ?? b.TitleZh;
        b.TextZh = Text(e.TextZh, "textZh", MaxText) ?? b.TextZh;
        b.TitleEn = Text(e.TitleEn, "titleEn", 200) ?? b.TitleEn;
        b.TextEn = Text(e.TextEn, "textEn", MaxText) ?? b.TextEn;
        b.EditedByUserId = userId;
        b.EditedAtUtc = clock.UtcNow;
        await db.SaveChangesAsync(ct);
        return b;
    }

    public async Task<Bulletin> PublishAsync(FangkongDb db, long id, long userId, CancellationToken ct)
    {
        var b = await GetAsync(db, id, ct);
        if (b.State == BulletinState.Published) return b;
        if (await db.Bulletins.AnyAsync(x => x.State == BulletinState.Published && x.Day == b.Day && x.Level == b.Level && x.AreaCode == b.AreaCode, ct))
            throw new ConflictException(Messages.Get("Command.AlreadyPublished"), "AlreadyPublished");
        b.State = BulletinState.Published;
        b.PublishedByUserId = userId;
        b.PublishedAtUtc = clock.UtcNow;
        await db.SaveChangesAsync(ct);
        return b;
    }

    public static async Task<Bulletin> GetAsync(FangkongDb db, long id, CancellationToken ct) =>
        await db.Bulletins.FirstOrDefaultAsync(b => b.Id == id, ct) ?? throw new NotFoundException("id", Messages.Get("Command.NoSuchBulletin"));

    /// <summary>A bulletin to read, untracked; null when there is none.</summary>
    public static Task<Bulletin?> FindAsync(FangkongDb db, long id, CancellationToken ct) =>
        db.Bulletins.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct);

    /// <summary>A published bulletin for anyone; a draft is as good as absent to a reader who may not see drafts.</summary>
    public static async Task<Bulletin> VisibleAsync(FangkongDb db, long id, bool maySeeDrafts, CancellationToken ct)
    {
        var b = await FindAsync(db, id, ct);
        return b is not null && (b.State == BulletinState.Published || maySeeDrafts) ? b : throw new NotFoundException("id", Messages.Get("Command.NoSuchBulletin"));
    }

    public static async Task<Page<Bulletin>> ListAsync(FangkongDb db, BulletinState? state, int? page, int? size, CancellationToken ct)
    {
        var (p, s) = Paging.Normalise(page, size);
        var q = db.Bulletins.AsNoTracking();
        if (state is { } st) q = q.Where(b => b.State == st);
        var total = await q.LongCountAsync(ct);
        var items = await q.OrderByDescending(b => b.Day).ThenByDescending(b => b.Id).Skip((p - 1) * s).Take(s).ToListAsync(ct);
        return new Page<Bulletin>(items, p, s, total);
    }

    private static string? Text(string? value, string field, int max)
    {
        if (value is null) return null;
        var t = value.Trim();
        if (t.Length == 0) throw new InputException(field, Messages.Get("Command.Empty"));
        if (t.Length > max) throw new InputException(field, Messages.Get("Command.TooLong", max));
        return t;
    }
}
