using Fangkong.Domain.Common;

namespace Fangkong.Core.Common;

/// <summary>
/// The checks and words every transfer (转运) shares — a contact's to a quarantine site, a case's to a hospital — so the
/// two kinds refuse a step in the same words.
/// </summary>
public static class TransferStepCheck
{
    public const int MaxVehicle = 32;
    public const int MaxNote = 200;

    /// <summary>The vehicle and note as given, trimmed; refuses them when too long.</summary>
    public static (string? Vehicle, string? Note) Read(string? vehicle, string? note)
    {
        var v = vehicle?.Trim();
        if (v is { Length: > MaxVehicle }) throw new InputException("vehicle", Messages.Get("Common.VehicleTooLong"));
        var n = note?.Trim();
        if (n is { Length: > MaxNote }) throw new InputException("note", Messages.Get("Common.TransferNoteTooLong"));
        return (string.IsNullOrEmpty(v) ? null : v, string.IsNullOrEmpty(n) ? null : n);
    }

    /// <summary>Refuses a step the state may not take (409), and a dispatch without a vehicle (400).</summary>
    public static void Allow(TransferState from, TransferState to, string? vehicle)
    {
        if (!TransferSteps.CanStep(from, to)) throw new ConflictException(Messages.Get("Common.TransferCannotBecome", Name(from), Name(to)), "TransferState");
        if (to == TransferState.Dispatched && string.IsNullOrEmpty(vehicle)) throw new InputException("vehicle", Messages.Get("Common.VehicleRequired"));
    }

    /// <summary>The state as a sentence names it (in Chinese the step taken: 申请, 派车, 到达, 取消).</summary>
    public static string Name(TransferState s) => s switch
    {
        TransferState.Requested => Messages.Get("Common.TransferStep.Requested"),
        TransferState.Dispatched => Messages.Get("Common.TransferStep.Dispatched"),
        TransferState.Arrived => Messages.Get("Common.TransferStep.Arrived"),
        _ => Messages.Get("Common.TransferStep.Cancelled"),
    };
}
