namespace Cwmp.ConnectionRequests.Tests.Infrastructure;

/// <summary>What the test CPE does with a connection request.</summary>
internal enum CpeMode
{
    /// <summary>401 with a Digest challenge, then <see cref="CpeBehavior.SuccessStatus"/> for a correct answer.</summary>
    Digest,

    /// <summary>401 with a Basic challenge, then success for the right credentials.</summary>
    Basic,

    /// <summary>Success without authentication.</summary>
    Open,

    /// <summary>A fixed status (<see cref="CpeBehavior.FixedStatus"/>) for every request.</summary>
    FixedStatus,

    /// <summary>Reads the request and never answers.</summary>
    NeverAnswer,

    /// <summary>Reads the request and resets the connection.</summary>
    Reset,
}

/// <summary>The test CPE's settings.</summary>
internal sealed record CpeBehavior(CpeMode Mode)
{
    public string Username { get; init; } = "cr-user";

    public string Password { get; init; } = "cr-secret";

    public string Realm { get; init; } = "cpe@example";

    /// <summary>The algorithm parameter of the challenge; null sends none (MD5 implied).</summary>
    public string? Algorithm { get; init; } = "MD5";

    /// <summary>The qop parameter of the challenge; null sends none (RFC 2069 form).</summary>
    public string? Qop { get; init; } = "auth";

    public int SuccessStatus { get; init; } = 200;

    public int FixedStatus { get; init; } = 503;

    /// <summary>Extra header lines sent with a fixed status (e.g. a Location).</summary>
    public string FixedHeaders { get; init; } = string.Empty;

    /// <summary>The status after a correct answer, when it should not be success (e.g. 503 busy).</summary>
    public int? StatusAfterAuthentication { get; init; }
}
