namespace Fangkong.Core.Common;

/// <summary>Bad input from a caller: names the field and the reason; the API turns it into a 400 ProblemDetails.</summary>
public sealed class InputException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>A referenced record does not exist (404).</summary>
public sealed class NotFoundException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>The caller may not do this to this record (403), e.g. a gate operator at another venue's device.</summary>
public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>
/// The request conflicts with the current state (409), e.g. approving one's own request. <see cref="Code"/> is a
/// stable machine-readable reason (e.g. "AlreadySampled") that devices switch on; the message is for people.
/// </summary>
public sealed class ConflictException(string message, string? code = null) : Exception(message)
{
    public string? Code { get; } = code;
}
