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

/// <summary>
/// A device's idempotency key came again with a different request (422): the first request's answer would be wrong for
/// this one, and this one was not carried out. <see cref="Field"/> names the key's field.
/// </summary>
public sealed class KeyReusedException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
