namespace Fangkong.Domain.Passes;

/// <summary>
/// A staff pass lets an enterprise's or project's worker through on their route or in their area (鹤壁: 1,388 for 66
/// projects); a freight pass lets a vehicle with its driver and cargo through on its route (通行证, the A pass).
/// Stored numbers: only add.
/// </summary>
public enum PassKind { Staff = 1, Freight = 2 }

/// <summary>Where a pass stands: applied for, then approved (issued) or refused; an issued pass may be revoked.</summary>
public enum PassState { Applied = 1, Approved = 2, Refused = 3, Revoked = 4 }

/// <summary>Why an issued pass was revoked.</summary>
public enum PassRevocation
{
    /// <summary>An officer withdrew it (with a reason).</summary>
    Withdrawn = 1,
    /// <summary>Its holder's health code turned red.</summary>
    HolderRed = 2,
}

/// <summary>A checked pass's verdict, for a device to switch on.</summary>
public enum PassVerdict { Valid, Malformed, BadSignature, UnknownKey, NotYetValid, Expired, Revoked, WrongVehicle }
