namespace Cwmp.Server.Configuration;

/// <summary>Configuration section <c>Cwmp:Auth</c>.</summary>
internal sealed class AuthOptions
{
    public const string SectionName = "Cwmp:Auth";

    /// <summary>Whether CPEs must authenticate over HTTP; off only for labs.</summary>
    public bool Required { get; set; } = true;
}
