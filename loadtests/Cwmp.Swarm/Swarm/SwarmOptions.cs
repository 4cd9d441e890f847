namespace Cwmp.Swarm.Swarm;

/// <summary>Everything a swarm run is configured with; <see cref="SwarmOptionsParser"/> builds it from the command line.</summary>
internal sealed record SwarmOptions
{
    /// <summary>The ACS URL every device starts with; loopback only.</summary>
    public required Uri AcsUrl { get; init; }

    public int Devices { get; init; } = 1000;

    /// <summary>Added to the device index in serial numbers, so that several swarms can run side by side.</summary>
    public int IndexOffset { get; init; }

    public ScenarioKind Scenario { get; init; } = ScenarioKind.Steady;

    /// <summary>PeriodicInformInterval of every device, in seconds.</summary>
    public uint PeriodicIntervalSeconds { get; init; } = 300;

    /// <summary>Periodic informs are spread by ± this fraction of the interval.</summary>
    public double PeriodicJitter { get; init; } = 0.1;

    /// <summary>Boot storm: every device boots within this many seconds.</summary>
    public double StormSeconds { get; init; } = 10;

    /// <summary>What each device's first session reports; by default a new device's 0 BOOTSTRAP + 1 BOOT (storm: 1 BOOT).</summary>
    public FirstContact? FirstContact { get; init; }

    /// <summary>Steady and mixed: first contacts are spread over this many seconds (default: one periodic interval).</summary>
    public double? RampSeconds { get; init; }

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);

    public long MaxSessions { get; init; } = 10_000_000;

    /// <summary>Sessions in flight at once (each holds one TCP connection).</summary>
    public int Concurrency { get; init; } = 256;

    /// <summary>Share of devices built from the InternetGatewayDevice:1 template; the rest use Device:2.</summary>
    public double IgdShare { get; init; } = 0.3;

    public string PasswordScheme { get; init; } = "same-as-key";

    public string ConnectionRequestPasswordScheme { get; init; } = "hmac:cwmp-swarm-cr";

    /// <summary>Share of devices that answer connection requests (the others are "behind NAT").</summary>
    public double ConnectionRequestShare { get; init; } = 1.0;

    public int ConnectionRequestPort { get; init; }

    public int UdpConnectionRequestPort { get; init; }

    public bool EnableConnectionRequests { get; init; } = true;

    public double QuirkShare { get; init; }

    /// <summary>The quirk profiles the quirky share draws from (by name); null for all of <see cref="CpeProfile.Quirks"/>.</summary>
    public IReadOnlyList<string>? QuirkProfiles { get; init; }

    public double Fault9002Share { get; init; }

    public double FaultTimeoutShare { get; init; }

    public double FaultDropShare { get; init; }

    /// <summary>Share of devices whose firmware downloads always fail with 9010 (chosen by seed and index: the same devices every run).</summary>
    public double FirmwareFailureShare { get; init; }

    /// <summary>Whether device <paramref name="index"/> is one whose firmware downloads fail.</summary>
    public bool FailsFirmware(int index) => FirmwareFailureShare > 0 && Cpe.DeviceHash.Unit(Seed, index, 9) < FirmwareFailureShare;

    /// <summary>The query parameter of a Download URL that carries the file's hash ("sha256=…", "md5=…"); empty disables it.</summary>
    public string DownloadHashParameter { get; init; } = "sha256";

    public long MaxDownloadBytes { get; init; } = 64L * 1024 * 1024;

    public TimeSpan RebootDuration { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan DiagnosticsDuration { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest a whole session may take before the CPE gives up on it.</summary>
    public TimeSpan SessionTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Most ACS requests answered in one session.</summary>
    public int MaxRpcsPerSession { get; init; } = 1000;

    /// <summary>Bind each device's connections to its own 127.x.y.z source address.</summary>
    public bool PerDeviceSourceAddress { get; init; } = true;

    /// <summary>Mixed scenario: per device and hour, how many user changes (value changes) and power cycles happen.</summary>
    public double ValueChangesPerHour { get; init; } = 1;

    public double PowerCyclesPerHour { get; init; } = 0.2;

    public int Seed { get; init; } = 1;

    public string? OutputPath { get; init; } = "swarm-result.json";

    public bool Progress { get; init; } = true;

    /// <summary>End the run as soon as every device has had an Inform acknowledged (boot storms: time until all are in).</summary>
    public bool UntilAllInformed { get; init; }
}

internal enum ScenarioKind
{
    Steady,
    Storm,
    Mixed,
}

/// <summary>What a device's first session of the run is: a brand-new device, a known device booting, or a known device already up.</summary>
internal enum FirstContact
{
    Bootstrap,
    Boot,
    Periodic,
}
