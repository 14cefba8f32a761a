using Fangkong.Domain.Testing;

namespace Fangkong.Core.Testing;

/// <summary>The sampler scans a tube barcode first. <c>Key</c> is the device's idempotency key for this scan.</summary>
public sealed record OpenTubeRequest(long? RoundId, long? SiteId, string? Barcode, TubeKind? Kind, long? DoorTaskId, string? Key, DateTime? At);

/// <summary>Then each person's health-code QR or ID number (whatever the scanner read), with the device's key.</summary>
public sealed record SampleRequest(string? Scan, string? Key, DateTime? At);

public sealed record CloseTubeRequest(string? Key, DateTime? At);

public sealed record TubeView(long Id, string Barcode, long RoundId, long SiteId, TubeKind Kind, int Capacity, int Count, bool Closed,
    DateTime OpenedAtUtc, DateTime? ClosedAtUtc, long? DoorTaskId);

public static class SampleWarnings
{
    /// <summary>The person lives in another site's area (sampled anyway; their site will see them as done).</summary>
    public const string OtherSite = "OtherSite";
    /// <summary>The person does not live in the round's area (a visitor or an unregistered address).</summary>
    public const string OutsideArea = "OutsideArea";
    /// <summary>A re-sample for a person with no open re-sampling task.</summary>
    public const string NoResampleTask = "NoResampleTask";
    /// <summary>A household tube received someone from another household.</summary>
    public const string OtherHousehold = "OtherHousehold";
}

public static class SampleRefusals
{
    public const string AlreadySampled = "AlreadySampled";
    public const string TubeReused = "TubeReused";
    public const string TubeClosed = "TubeClosed";
    public const string SingleTubeRequired = "SingleTubeRequired";
    public const string RoundNotOpen = "RoundNotOpen";
}

/// <summary>What the sampler's page shows after a person's scan.</summary>
public sealed record SampleAnswer(long SampleId, string MaskedName, IReadOnlyList<string> Warnings, string Message, TubeView Tube, bool Replayed);
