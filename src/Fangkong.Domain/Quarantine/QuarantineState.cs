namespace Fangkong.Domain.Quarantine;

public enum QuarantineState { InQuarantine = 1, Released = 2 }
