using Fangkong.Domain.Command;

namespace Fangkong.Core.Command;

public enum BulletinState { Draft = 1, Published = 2 }

/// <summary>
/// A daily bulletin for one area and day: generated from the data as a draft, edited by a person, then published and
/// kept unchanged. The figures it was generated from are kept beside the text, so an edit can be compared with them.
/// </summary>
public sealed class Bulletin
{
    public long Id { get; set; }
    public DateOnly Day { get; set; }
    public BulletinLevel Level { get; set; }
    public required string AreaCode { get; set; }
    public required string TitleZh { get; set; }
    public required string TextZh { get; set; }
    public required string TitleEn { get; set; }
    public required string TextEn { get; set; }
    public required string FiguresJson { get; set; }
    public BulletinState State { get; set; } = BulletinState.Draft;
    public long GeneratedByUserId { get; set; }
    public DateTime GeneratedAtUtc { get; set; }
    public long? EditedByUserId { get; set; }
    public DateTime? EditedAtUtc { get; set; }
    public long? PublishedByUserId { get; set; }
    public DateTime? PublishedAtUtc { get; set; }
}
