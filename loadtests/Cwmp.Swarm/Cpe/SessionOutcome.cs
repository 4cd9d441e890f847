namespace Cwmp.Swarm.Cpe;

/// <summary>How a session ended, as the device saw it.</summary>
internal sealed record SessionOutcome
{
    public bool Succeeded { get; init; }

    /// <summary>Why it failed ("connect", "http-503", "auth", "parse", "timeout", …), or null.</summary>
    public string? FailureKind { get; init; }

    /// <summary>The fault the device injected on purpose ("9002", "timeout", "drop"), or null.</summary>
    public string? Injected { get; init; }

    /// <summary>The ACS acknowledged the Inform: its events are delivered.</summary>
    public bool InformAcknowledged { get; init; }

    public int? RetryAfterSeconds { get; init; }

    public int Connections { get; init; }

    public TimeSpan Duration { get; init; }
}

/// <summary>Ends a session early with the kind of failure.</summary>
internal sealed class SessionFailureException(string kind, string message, int? retryAfterSeconds = null) : Exception(message)
{
    public string Kind { get; } = kind;

    public int? RetryAfterSeconds { get; } = retryAfterSeconds;
}
