namespace Fangkong.Domain.Common;

/// <summary>
/// A transfer (转运) by vehicle — a contact to a quarantine site, a case to a hospital, a released person home — moves
/// through these states; arrived and cancelled are final.
/// </summary>
public enum TransferState { Requested = 1, Dispatched = 2, Arrived = 3, Cancelled = 4 }

public static class TransferSteps
{
    /// <summary>Only forward steps: requested → dispatched → arrived, and cancelled from either open state.</summary>
    public static bool CanStep(TransferState from, TransferState to) => (from, to) switch
    {
        (TransferState.Requested, TransferState.Dispatched) => true,
        (TransferState.Dispatched, TransferState.Arrived) => true,
        (TransferState.Requested or TransferState.Dispatched, TransferState.Cancelled) => true,
        _ => false,
    };

    public static bool IsOpen(TransferState s) => s is TransferState.Requested or TransferState.Dispatched;
}
