using Cwmp.Protocol;

namespace Cwmp.Swarm.Cpe;

/// <summary>A Download, ScheduleDownload or Upload the device accepted and has not finished yet.</summary>
internal sealed class PendingTransfer
{
    public required bool IsDownload { get; init; }

    public required string CommandKey { get; init; }

    public required string FileType { get; init; }

    public required string Url { get; init; }

    public string Username { get; init; } = string.Empty;

    public string Password { get; init; } = string.Empty;

    public uint FileSize { get; init; }

    public string TargetFileName { get; init; } = string.Empty;

    /// <summary>The M event that reports it: "M Download", "M ScheduleDownload" or "M Upload".</summary>
    public required string MethodEvent { get; init; }

    /// <summary>When the transfer starts (UTC ticks).</summary>
    public long DueTicks { get; set; }

    /// <summary>1 not yet started, 2 in progress (TR-069 GetQueuedTransfers states).</summary>
    public int State { get; set; } = 1;
}

/// <summary>A finished transfer whose TransferComplete the ACS has not acknowledged yet (it survives reboots).</summary>
internal sealed record CompletedTransfer(string MethodEvent, TransferComplete Message);
