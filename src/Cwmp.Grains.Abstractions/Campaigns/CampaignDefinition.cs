using Cwmp.Grains.Index;

namespace Cwmp.Grains.Campaigns;

/// <summary>What a campaign does to which devices, and how fast.</summary>
[GenerateSerializer, Immutable, Alias("cwmp.CampaignDefinition")]
public sealed record CampaignDefinition
{
    /// <summary>The devices: a query of the device index, or an explicit key list (<see cref="DeviceQuery.DeviceKeys"/>).</summary>
    [Id(0)] public required DeviceQuery Target { get; init; }

    /// <summary>A firmware download; exactly one of this and <see cref="Parameters"/>.</summary>
    [Id(1)] public FirmwareAction? Firmware { get; init; }

    /// <summary>Parameter values to set (one SetParameterValues per device).</summary>
    [Id(2)] public IReadOnlyList<CampaignParameter> Parameters { get; init; } = [];

    [Id(3)] public RolloutPolicy Rollout { get; init; } = new();

    /// <summary>For people: what the campaign is for.</summary>
    [Id(4)] public string Name { get; init; } = string.Empty;

    /// <summary>
    /// The same definition with every list an array: grain storage writes the runtime type of each list, and a
    /// collection expression's compiler-made type exists only in the assembly that wrote it (another process, or the
    /// next version, could not read it back).
    /// </summary>
    public CampaignDefinition ForStorage() => this with
    {
        Target = Target with { Tags = Target.Tags.ToArray(), DeviceKeys = Target.DeviceKeys.ToArray() },
        Firmware = Firmware is null ? null : Firmware with { ScheduleWindows = Firmware.ScheduleWindows.ToArray() },
        Parameters = Parameters.ToArray(),
        Rollout = Rollout with { WavePercentages = Rollout.WavePercentages.ToArray(), StartWindows = Rollout.StartWindows.ToArray() },
    };

    /// <exception cref="ArgumentException">The definition is not one a campaign can run.</exception>
    public void Validate()
    {
        if ((Firmware is null) == (Parameters.Count == 0))
        {
            throw new ArgumentException("A campaign has exactly one action: Firmware, or a non-empty Parameters list.");
        }

        if (Firmware is { } firmware)
        {
            if (!Uri.TryCreate(firmware.Url, UriKind.Absolute, out Uri? url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeFtp))
            {
                throw new ArgumentException($"Firmware.Url '{firmware.Url}' is not an absolute http, https or ftp URL.");
            }

            if (string.IsNullOrWhiteSpace(firmware.FileType) || string.IsNullOrWhiteSpace(firmware.TargetSoftwareVersion))
            {
                throw new ArgumentException("Firmware needs a FileType and the TargetSoftwareVersion that marks success.");
            }

            if (firmware.ScheduleWindows.Count > 2 || firmware.ScheduleWindows.Any(w => w.Start < TimeSpan.Zero || w.End <= w.Start || w.End > TimeSpan.FromSeconds(uint.MaxValue)))
            {
                throw new ArgumentException("Firmware.ScheduleWindows: at most 2 windows (ScheduleDownload), each with 0 ≤ Start < End.");
            }
        }

        if (Parameters.Any(p => string.IsNullOrWhiteSpace(p.Name) || p.Name.EndsWith('.')))
        {
            throw new ArgumentException("Every parameter needs a full parameter name (not an object path).");
        }

        Rollout.Validate();
    }
}

/// <summary>A firmware image to download; success is a TransferComplete without fault and then the target version.</summary>
[GenerateSerializer, Immutable, Alias("cwmp.FirmwareAction")]
public sealed record FirmwareAction(
    [property: Id(0)] string Url,
    [property: Id(1)] string TargetSoftwareVersion,
    [property: Id(2)] string FileType = "1 Firmware Upgrade Image",
    [property: Id(3)] uint FileSize = 0,
    [property: Id(4)] string Username = "",
    [property: Id(5)] string Password = "")
{
    /// <summary>
    /// Empty: a Download, at once. Otherwise a ScheduleDownload (CWMP 1.2) with these windows, measured from when the
    /// device receives it; a device that speaks only CWMP 1.0/1.1 fails with 9000.
    /// </summary>
    [Id(6)] public IReadOnlyList<FirmwareWindow> ScheduleWindows { get; init; } = [];
}

/// <summary>A ScheduleDownload time window (TR-069 A.4.1.8), relative to the moment the device receives the RPC.</summary>
[GenerateSerializer, Immutable, Alias("cwmp.FirmwareWindow")]
public sealed record FirmwareWindow(
    [property: Id(0)] TimeSpan Start,
    [property: Id(1)] TimeSpan End,
    [property: Id(2)] string Mode = "1 At Any Time",
    [property: Id(3)] string UserMessage = "",
    [property: Id(4)] int MaxRetries = -1);

/// <summary>One parameter value a campaign sets.</summary>
[GenerateSerializer, Immutable, Alias("cwmp.CampaignParameter")]
public sealed record CampaignParameter(
    [property: Id(0)] string Name,
    [property: Id(1)] string Value,
    [property: Id(2)] string Type = "xsd:string");
