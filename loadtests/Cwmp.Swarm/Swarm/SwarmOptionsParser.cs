using System.Globalization;
using Cwmp.Swarm.Cpe;
using Cwmp.Swarm.Http;

namespace Cwmp.Swarm.Swarm;

/// <summary>Parses "--name value" arguments into <see cref="SwarmOptions"/>; unknown or malformed ones are errors.</summary>
internal static class SwarmOptionsParser
{
    public const string Usage = """
        Cwmp.Swarm: simulates many TR-069 CPEs against an ACS on this machine (loopback only).

          --acs-url URL               ACS URL (required; 127.0.0.0/8, ::1 or localhost only)
          --scenario steady|storm|mixed
          --devices N                 simulated devices (default 1000)
          --duration SECONDS          run length (default 60)
          --max-sessions N            stop after N sessions (default 10000000)
          --concurrency N             sessions in flight at once (default 256)
          --interval SECONDS          PeriodicInformInterval (default 300)
          --jitter FRACTION           periodic jitter, ± fraction of the interval (default 0.1)
          --ramp SECONDS              steady/mixed: first contacts spread over this (default: the interval)
          --storm-seconds SECONDS     storm: every device boots within this (default 10)
          --first-contact bootstrap|boot|periodic
          --igd-share FRACTION        share of InternetGatewayDevice:1 devices (default 0.3)
          --password-scheme S         ACS password: same-as-key | fixed:TEXT | hmac:SECRET (username = device key)
          --cr-password-scheme S      connection-request password (default hmac:cwmp-swarm-cr)
          --cr-share FRACTION         share of devices reachable for connection requests (default 1)
          --cr-port N, --udp-cr-port N  connection-request listener ports (default: any free port)
          --quirk-share FRACTION      share of devices with a vendor quirk profile (default 0)
          --quirks A,B,...            the profiles that share draws from (default all): cwmp-1-0, cwmp-1-4-namespace,
                                      cwmp-1-4-negotiation, prefix-SOAP-ENV, prefix-soapenv-ns1, no-cookies, chunked,
                                      no-content-type, booleans-0-1, no-soap-header, xml-declaration,
                                      whitespace-empty-post, huawei-like, gsoap-like
          --fault-9002 P, --fault-timeout P, --fault-drop P   per ACS request: answer 9002, stop answering, drop the connection
          --firmware-failure-share P  share of devices whose firmware downloads always fail with 9010 (default 0)
          --download-hash-param NAME  query parameter of Download URLs that holds the file's hash (default sha256; "" = off)
          --reboot-seconds S, --diagnostics-seconds S, --session-timeout S
          --value-changes-per-hour R, --power-cycles-per-hour R   mixed scenario rates per device
          --index-offset N            first serial number (for several swarms side by side)
          --no-source-addresses       do not bind each device to its own 127.x.y.z address
          --no-connection-requests    no connection-request listeners (ConnectionRequestURL still set)
          --until-all-informed        end the run once every device has had an Inform acknowledged
          --seed N, --output FILE, --no-progress
        """;

    public static SwarmOptions Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        string[] flagNames = ["--no-source-addresses", "--no-progress", "--no-connection-requests", "--until-all-informed"];
        for (int i = 0; i < args.Count; i++)
        {
            string name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Unexpected argument '{name}'.");
            }

            if (flagNames.Contains(name))
            {
                flags.Add(name);
                continue;
            }

            if (i + 1 >= args.Count)
            {
                throw new ArgumentException($"{name} needs a value.");
            }

            values[name] = args[++i];
        }

        string acs = values.GetValueOrDefault("--acs-url") ?? throw new ArgumentException("--acs-url is required.");
        Uri acsUrl = LoopbackGuard.Require(acs, "The ACS URL");
        if (acsUrl.Scheme != Uri.UriSchemeHttp)
        {
            throw new ArgumentException("The swarm's CWMP client speaks plain HTTP only; use an http:// ACS URL.");
        }

        var options = new SwarmOptions { AcsUrl = acsUrl };
        var known = new HashSet<string>(StringComparer.Ordinal) { "--acs-url" };
        string? Take(string name)
        {
            known.Add(name);
            return values.GetValueOrDefault(name);
        }

        options = options with
        {
            Scenario = Take("--scenario") is { } s ? Enum.Parse<ScenarioKind>(s, ignoreCase: true) : options.Scenario,
            Devices = Int(Take("--devices"), options.Devices, 1, 10_000_000),
            Duration = TimeSpan.FromSeconds(Double(Take("--duration"), options.Duration.TotalSeconds, 0.1, 86_400)),
            MaxSessions = Long(Take("--max-sessions"), options.MaxSessions, 1),
            Concurrency = Int(Take("--concurrency"), options.Concurrency, 1, 100_000),
            PeriodicIntervalSeconds = (uint)Int(Take("--interval"), (int)options.PeriodicIntervalSeconds, 1, 86_400 * 7),
            PeriodicJitter = Double(Take("--jitter"), options.PeriodicJitter, 0, 0.5),
            RampSeconds = Take("--ramp") is { } ramp ? Double(ramp, 0, 0, 86_400) : null,
            StormSeconds = Double(Take("--storm-seconds"), options.StormSeconds, 0, 86_400),
            FirstContact = Take("--first-contact") is { } f ? Enum.Parse<FirstContact>(f, ignoreCase: true) : null,
            IgdShare = Double(Take("--igd-share"), options.IgdShare, 0, 1),
            PasswordScheme = Scheme(Take("--password-scheme") ?? options.PasswordScheme),
            ConnectionRequestPasswordScheme = Scheme(Take("--cr-password-scheme") ?? options.ConnectionRequestPasswordScheme),
            ConnectionRequestShare = Double(Take("--cr-share"), options.ConnectionRequestShare, 0, 1),
            ConnectionRequestPort = Int(Take("--cr-port"), 0, 0, 65535),
            UdpConnectionRequestPort = Int(Take("--udp-cr-port"), 0, 0, 65535),
            QuirkShare = Double(Take("--quirk-share"), options.QuirkShare, 0, 1),
            QuirkProfiles = Take("--quirks") is { } quirks ? Profiles(quirks) : null,
            Fault9002Share = Double(Take("--fault-9002"), 0, 0, 1),
            FaultTimeoutShare = Double(Take("--fault-timeout"), 0, 0, 1),
            FaultDropShare = Double(Take("--fault-drop"), 0, 0, 1),
            FirmwareFailureShare = Double(Take("--firmware-failure-share"), 0, 0, 1),
            DownloadHashParameter = Take("--download-hash-param") ?? options.DownloadHashParameter,
            RebootDuration = TimeSpan.FromSeconds(Double(Take("--reboot-seconds"), options.RebootDuration.TotalSeconds, 0, 3600)),
            DiagnosticsDuration = TimeSpan.FromSeconds(Double(Take("--diagnostics-seconds"), options.DiagnosticsDuration.TotalSeconds, 0, 3600)),
            SessionTimeout = TimeSpan.FromSeconds(Double(Take("--session-timeout"), options.SessionTimeout.TotalSeconds, 1, 3600)),
            ValueChangesPerHour = Double(Take("--value-changes-per-hour"), options.ValueChangesPerHour, 0, 3600),
            PowerCyclesPerHour = Double(Take("--power-cycles-per-hour"), options.PowerCyclesPerHour, 0, 3600),
            IndexOffset = Int(Take("--index-offset"), 0, 0, 1_000_000_000),
            Seed = Int(Take("--seed"), options.Seed, int.MinValue, int.MaxValue),
            OutputPath = Take("--output") ?? options.OutputPath,
            PerDeviceSourceAddress = !flags.Contains("--no-source-addresses"),
            Progress = !flags.Contains("--no-progress"),
            EnableConnectionRequests = !flags.Contains("--no-connection-requests"),
            UntilAllInformed = flags.Contains("--until-all-informed"),
        };

        if (values.Keys.FirstOrDefault(k => !known.Contains(k)) is { } unknown)
        {
            throw new ArgumentException($"Unknown option {unknown}.");
        }

        if (options.Fault9002Share + options.FaultTimeoutShare + options.FaultDropShare > 1)
        {
            throw new ArgumentException("The fault shares add up to more than 1.");
        }

        return options;
    }

    private static string[] Profiles(string text)
    {
        string[] names = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return names.FirstOrDefault(n => CpeProfile.ByName(n) is null) is { } unknown
            ? throw new ArgumentException($"Unknown quirk profile '{unknown}': {string.Join(", ", CpeProfile.Quirks.Select(q => q.Name))}.")
            : names;
    }

    private static string Scheme(string text)
    {
        _ = PasswordScheme.Parse(text);
        return text;
    }

    private static int Int(string? text, int fallback, int min, int max) =>
        text is null ? fallback : Check(int.Parse(text, CultureInfo.InvariantCulture), min, max);

    private static long Long(string? text, long fallback, long min) =>
        text is null ? fallback : Math.Max(min, long.Parse(text, CultureInfo.InvariantCulture));

    private static double Double(string? text, double fallback, double min, double max) =>
        text is null ? fallback : Check(double.Parse(text, CultureInfo.InvariantCulture), min, max);

    private static T Check<T>(T value, T min, T max)
        where T : IComparable<T> =>
        value.CompareTo(min) < 0 || value.CompareTo(max) > 0
            ? throw new ArgumentException($"{value} is outside [{min}, {max}].")
            : value;
}
