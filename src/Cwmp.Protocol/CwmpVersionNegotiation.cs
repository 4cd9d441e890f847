namespace Cwmp.Protocol;

/// <summary>
/// CWMP 1.4 version negotiation (checklist §1): the ACS picks the highest version both sides support and returns it
/// in cwmp:UseCWMPVersion; with no version in common it answers fault 8006. A CPE that sends no
/// SupportedCWMPVersions header speaks the version its namespace implies.
/// </summary>
public static class CwmpVersionNegotiation
{
    /// <summary>
    /// Negotiates the session version. Returns false (answer with fault 8006) when the CPE lists versions and none is
    /// one the ACS supports.
    /// </summary>
    /// <param name="supportedByCpe">The CPE's SupportedCWMPVersions header, or null.</param>
    /// <param name="cwmpNamespace">The namespace of the CPE's Inform.</param>
    /// <param name="supportedByAcs">The versions the ACS supports; <see cref="CwmpVersion.All"/> when null.</param>
    /// <param name="version">The version to use.</param>
    public static bool TryNegotiate(string? supportedByCpe, string cwmpNamespace, IReadOnlyCollection<CwmpVersion>? supportedByAcs, out CwmpVersion version)
    {
        supportedByAcs ??= CwmpVersion.All;
        if (string.IsNullOrWhiteSpace(supportedByCpe))
        {
            version = CwmpNamespaces.TryGetVersion(cwmpNamespace, out CwmpVersion implied) ? implied : CwmpVersion.Version10;
            if (supportedByAcs.Contains(version))
            {
                return true;
            }

            // A namespace beyond what the ACS knows: talk the highest version it has that the namespace covers.
            CwmpVersion ceiling = version;
            version = supportedByAcs.Where(v => v <= ceiling).DefaultIfEmpty().Max();
            return version != default;
        }

        version = default;
        bool found = false;
        foreach (string part in supportedByCpe.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (CwmpVersion.TryParse(part, out CwmpVersion candidate) && supportedByAcs.Contains(candidate) && (!found || candidate > version))
            {
                version = candidate;
                found = true;
            }
        }

        return found;
    }

    /// <summary>The fault to answer with when <see cref="TryNegotiate"/> fails.</summary>
    public static CwmpFault IncompatibleFault() => CwmpFault.Create(FaultCodes.AcsVersionIncompatible);
}
