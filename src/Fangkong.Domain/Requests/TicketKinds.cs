namespace Fangkong.Domain.Requests;

// The words of a citizen's request (群众诉求, domain.md §8). The stored numbers are the columns' values: never renumber, only add.

/// <summary>What a request is about.</summary>
public enum RequestCategory
{
    Supplies = 1,
    MedicalCare = 2,
    Medicine = 3,
    Testing = 4,
    CodeColour = 5,
    Quarantine = 6,
    Transport = 7,
    /// <summary>A report of someone breaking the rules (举报).</summary>
    RuleBreaking = 8,
    /// <summary>Psychological support (心理援助, lines like 12388).</summary>
    Psychological = 9,
    Other = 10,
}

/// <summary>How soon the caller needs help, as the operator judges it (a medical emergency in a sealed zone is urgent whatever was chosen).</summary>
public enum RequestUrgency { Normal = 1, Urgent = 2 }

/// <summary>A medical emergency that cannot wait behind a sealed door: each calls for closed-loop transport to hospital.</summary>
public enum MedicalEmergency { None = 0, Dialysis = 1, Childbirth = 2, ChestPain = 3, Other = 4 }

/// <summary>Where a request came in.</summary>
public enum RequestSource { Hotline = 1, Resident = 2, Platform = 3 }

/// <summary>Where a ticket stands. Open: every state but <see cref="Resolved"/>.</summary>
public enum TicketState
{
    Received = 1,
    Assigned = 2,
    Handled = 3,
    /// <summary>Answered: the caller reads the answer on their phone, and may reopen it.</summary>
    Resolved = 4,
    /// <summary>Raised to a higher unit (overdue, or by the unit itself).</summary>
    Escalated = 5,
    /// <summary>The caller said it was not solved.</summary>
    Reopened = 6,
}

/// <summary>The office that answers a ticket, from the caller's address: the most local one first.</summary>
public enum TicketUnit { Community = 1, Street = 2, District = 3, City = 4 }

/// <summary>The steps of a closed-loop transfer (闭环转运) from a sealed home to hospital and back, in order.</summary>
public enum TransportStep
{
    /// <summary>A dedicated vehicle (120 or the district's) is sent; the community office and district are told.</summary>
    VehicleSent = 1,
    /// <summary>The patient is fetched at the door by staff in protective gear, escorted through the compound's gate.</summary>
    PickedUp = 2,
    /// <summary>Received at hospital through its green channel, point to point.</summary>
    AtHospital = 3,
    /// <summary>Brought back home (or admitted), the vehicle disinfected; the household stays under the zone's rules.</summary>
    Returned = 4,
}
