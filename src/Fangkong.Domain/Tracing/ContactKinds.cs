namespace Fangkong.Domain.Tracing;

public enum ContactKind { Household = 1, SharedVisit = 2, NamedByInvestigator = 3 }

/// <summary>Close and secondary contacts (密接, 次密接), and spatiotemporal companions (时空伴随者) of a risk venue's window.</summary>
public enum ContactGrade { Close = 1, Secondary = 2, Companion = 3 }

public enum ProposalStatus { Proposed = 0, Confirmed = 1, Dismissed = 2 }
