namespace Fangkong.Domain.Testing;

public enum TestOutcome { Negative = 1, Positive = 2 }
