using System.Globalization;
using System.Threading.Channels;
using Cwmp.Protocol;
using Cwmp.Swarm.DataModel;
using Cwmp.Swarm.Swarm;

namespace Cwmp.Swarm.Cpe;

/// <summary>
/// Runs the devices' turns. A turn is everything a device does when it wakes up (its timer came due or something
/// was signalled): finish a reboot, run due transfers, diagnostics and scheduled informs, then hold a session if it
/// has something to report, apply what the ACS asked for, and set its next wake-up. One turn per device at a time,
/// on a fixed number of workers, which bounds the sessions in flight.
/// </summary>
internal sealed class CpeRuntime
{
    private const int MaxSessionsPerTurn = 4;
    private readonly SwarmContext _context;
    private readonly Channel<SimulatedCpe> _ready = Channel.CreateUnbounded<SimulatedCpe>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });

    public CpeRuntime(SwarmContext context)
    {
        _context = context;
        Scheduler = new DeviceScheduler(context.TimeProvider, Wake);
    }

    public DeviceScheduler Scheduler { get; }

    /// <summary>Raised after every turn (tests wait on it instead of polling).</summary>
    public event Action<SimulatedCpe>? TurnCompleted;

    /// <summary>Queues a turn for the device unless one is queued or running (then it runs again after it).</summary>
    public void Wake(SimulatedCpe cpe)
    {
        if (cpe.Signal() && !_ready.Writer.TryWrite(cpe))
        {
            cpe.EndTurn();
        }
    }

    public void Raise(SimulatedCpe cpe, CpeSignal signal)
    {
        cpe.Raise(signal);
        Wake(cpe);
    }

    public Task[] StartWorkers(int count, CancellationToken cancellationToken) =>
        [.. Enumerable.Range(0, count).Select(_ => Task.Run(() => WorkAsync(cancellationToken), CancellationToken.None))];

    /// <summary>No more turns: workers finish the queued devices (which do nothing while stopping) and end.</summary>
    public void Complete() => _ready.Writer.TryComplete();

    private async Task WorkAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (SimulatedCpe cpe in _ready.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                do
                {
                    await TurnAsync(cpe, cancellationToken).ConfigureAwait(false);
                    TurnCompleted?.Invoke(cpe);
                }
                while (cpe.EndTurn());
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: a turn in flight was abandoned.
        }
    }

    internal async Task TurnAsync(SimulatedCpe cpe, CancellationToken cancellationToken)
    {
        if (_context.Stopping)
        {
            return;
        }

        long now = _context.NowTicks;
        CpeSignal signals = cpe.TakeSignals();
        if (cpe.IsRebooting)
        {
            if (now < cpe.RebootDoneTicks)
            {
                ScheduleNext(cpe, now);
                return;
            }

            CompleteBoot(cpe, now);
        }

        ApplySignals(cpe, signals, now);
        if (!cpe.IsRebooting)
        {
            await RunDueActionsAsync(cpe, now, cancellationToken).ConfigureAwait(false);
        }

        if (!cpe.IsRebooting && PeriodicEnabled(cpe) && now >= cpe.NextPeriodicTicks)
        {
            cpe.AddEvent(EventCodes.Periodic);
            cpe.NextPeriodicTicks = now + NextPeriodicInterval(cpe);
        }

        for (int i = 0; i < MaxSessionsPerTurn && !cpe.IsRebooting && !_context.Stopping; i++)
        {
            if (!HasWork(cpe) || (cpe.RetryCount > 0 && now < cpe.RetryAtTicks) || !_context.TryStartSession())
            {
                break;
            }

            bool succeeded = await RunSessionAsync(cpe, cancellationToken).ConfigureAwait(false);
            now = _context.NowTicks;
            if (!succeeded)
            {
                break;
            }
        }

        ScheduleNext(cpe, _context.NowTicks);
    }

    private async Task<bool> RunSessionAsync(SimulatedCpe cpe, CancellationToken cancellationToken)
    {
        List<EventStruct> events = [.. cpe.PendingEvents ?? []];
        List<CompletedTransfer> transfers = [.. cpe.Extras?.CompletedTransfers ?? []];
        if (transfers.Count > 0)
        {
            events.Add(new EventStruct(EventCodes.TransferComplete));
            events.AddRange(transfers.Select(t => new EventStruct(t.MethodEvent, t.Message.CommandKey)));
        }

        if (cpe.Extras?.ValueChanges is { Count: > 0 } && !events.Exists(e => e.EventCode == EventCodes.ValueChange))
        {
            events.Add(new EventStruct(EventCodes.ValueChange));
        }

        var effects = new SessionEffects();
        _context.Statistics.SessionStarted();
        SessionOutcome outcome = await CpeSession.RunAsync(cpe, _context, events, transfers, effects, cancellationToken).ConfigureAwait(false);
        long now = _context.NowTicks;
        if (outcome.InformAcknowledged)
        {
            _context.MarkInformed(cpe.Index);
            cpe.RemoveEvents(e => events.Contains(e));
            if (events.Exists(e => e.EventCode == EventCodes.Bootstrap))
            {
                cpe.Bootstrapped = true;
            }

            cpe.Extras?.ValueChanges?.Clear();
        }

        if (outcome.Succeeded)
        {
            cpe.RetryCount = 0;
            _context.Statistics.SessionSucceeded(outcome.Duration, outcome.Connections);
        }
        else
        {
            _context.Statistics.SessionFailed(outcome.Injected is null ? outcome.FailureKind ?? "unknown" : "injected-" + outcome.Injected, outcome.Connections);
            cpe.RetryCount++;
            TimeSpan wait = RetryWait(cpe, outcome.RetryAfterSeconds);
            cpe.RetryAtTicks = now + wait.Ticks;

            // A connection request is answered by one session attempt only (checklist §1, icwmp).
            cpe.RemoveEvents(e => e.EventCode == EventCodes.ConnectionRequest);
        }

        ApplyEffects(cpe, effects, now);
        return outcome.Succeeded;
    }

    /// <summary>TR-069 back-off with the device's own CWMPRetry* values; an ACS's Retry-After is honoured as a floor.</summary>
    internal TimeSpan RetryWait(SimulatedCpe cpe, int? retryAfterSeconds)
    {
        DeviceModel model = cpe.Model;
        uint minimum = ReadUInt(model, cpe.Template.Names.RetryMinimumWaitInterval, RetryBackoff.DefaultMinimumWaitSeconds);
        uint multiplier = ReadUInt(model, cpe.Template.Names.RetryIntervalMultiplier, RetryBackoff.DefaultMultiplier);
        TimeSpan wait = RetryBackoff.Wait(cpe.RetryCount, _context.Random.NextDouble(), minimum, multiplier);
        return retryAfterSeconds is int seconds && TimeSpan.FromSeconds(Math.Min(seconds, 3600)) > wait ? TimeSpan.FromSeconds(Math.Min(seconds, 3600)) : wait;
    }

    private static uint ReadUInt(DeviceModel model, string name, uint fallback) =>
        uint.TryParse(model.GetValue(name), NumberStyles.None, CultureInfo.InvariantCulture, out uint value) && value > 0 ? value : fallback;

    private static bool HasWork(SimulatedCpe cpe) =>
        (cpe.PendingEvents?.Count ?? 0) > 0 || (cpe.Extras?.CompletedTransfers?.Count ?? 0) > 0;

    private static bool PeriodicEnabled(SimulatedCpe cpe) => cpe.Model.GetValue(cpe.Template.Names.PeriodicInformEnable) is "true" or "1";

    private long NextPeriodicInterval(SimulatedCpe cpe)
    {
        double interval = ReadUInt(cpe.Model, cpe.Template.Names.PeriodicInformInterval, _context.Options.PeriodicIntervalSeconds);
        double jitter = _context.Options.PeriodicJitter * ((2 * _context.Random.NextDouble()) - 1);
        return (long)(interval * (1 + jitter) * TimeSpan.TicksPerSecond);
    }

    private void ApplySignals(SimulatedCpe cpe, CpeSignal signals, long now)
    {
        if (signals.HasFlag(CpeSignal.PowerCycle) && !cpe.IsRebooting)
        {
            StartReboot(cpe, now);
            return;
        }

        if (cpe.IsRebooting)
        {
            return;
        }

        if (signals.HasFlag(CpeSignal.ConnectionRequest))
        {
            cpe.AddEvent(EventCodes.ConnectionRequest);
        }

        if (signals.HasFlag(CpeSignal.UserChange))
        {
            UserChange(cpe);
        }
    }

    /// <summary>The subscriber changes the Wi-Fi channel or the SSID: notified actively or passively per the attributes.</summary>
    private void UserChange(SimulatedCpe cpe)
    {
        string root = cpe.Template.Root;
        string[] candidates = cpe.Template.IsIgd
            ? [root + "LANDevice.1.WLANConfiguration.1.Channel", root + "LANDevice.1.WLANConfiguration.1.SSID"]
            : [root + "WiFi.Radio.1.Channel", root + "WiFi.SSID.1.SSID", root + "WiFi.Radio.2.Channel"];
        string name = candidates[(int)(_context.Random.NextDouble() * candidates.Length) % candidates.Length];
        DeviceModel model = cpe.Model;
        if (!model.TryGet(name, out ParameterDefinition? definition))
        {
            return;
        }

        string value = definition.Type == ParameterType.UnsignedInt
            ? (1 + (int)(_context.Random.NextDouble() * 11)).ToString(CultureInfo.InvariantCulture)
            : "Home-" + cpe.SerialNumber[^4..] + "-" + ((int)(_context.Random.NextDouble() * 100)).ToString(CultureInfo.InvariantCulture);
        model.SetValue(name, value);
        byte notification = model.GetNotification(name);
        if (notification == NotificationPolicy.Off)
        {
            return;
        }

        List<string> changes = cpe.EnsureExtras().ValueChanges ??= [];
        if (!changes.Contains(name))
        {
            changes.Add(name);
        }

        if (notification == NotificationPolicy.Active)
        {
            cpe.AddEvent(EventCodes.ValueChange);
        }
    }

    private async Task RunDueActionsAsync(SimulatedCpe cpe, long now, CancellationToken cancellationToken)
    {
        CpeExtras? extras = cpe.Extras;
        if (extras is null)
        {
            return;
        }

        if (extras.ScheduledInforms is { Count: > 0 } informs)
        {
            foreach ((long due, string key) in informs.Where(i => i.DueTicks <= now).ToList())
            {
                cpe.AddEvent(EventCodes.Scheduled);
                cpe.AddEvent(EventCodes.MScheduleInform, key);
                informs.Remove((due, key));
            }
        }

        if (extras.Diagnostics is { Count: > 0 } diagnostics)
        {
            foreach ((long due, string path) in diagnostics.Where(d => d.DueTicks <= now).ToList())
            {
                diagnostics.Remove((due, path));
                await DiagnosticsRunner.RunAsync(cpe, path, _context.Transfers, _context.TimeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                cpe.AddEvent(EventCodes.DiagnosticsComplete);
            }
        }

        if (extras.Transfers is { Count: > 0 } transfers)
        {
            foreach (PendingTransfer transfer in transfers.Where(t => t.State == 1 && t.DueTicks <= now).ToList())
            {
                await RunTransferAsync(cpe, transfer, cancellationToken).ConfigureAwait(false);
                if (cpe.IsRebooting)
                {
                    return;
                }
            }
        }
    }

    private async Task RunTransferAsync(SimulatedCpe cpe, PendingTransfer transfer, CancellationToken cancellationToken)
    {
        transfer.State = 2;
        DateTimeOffset start = _context.TimeProvider.GetUtcNow();
        TransferResult result = transfer.IsDownload && transfer.FileType.StartsWith("1 ", StringComparison.Ordinal) && _context.Options.FailsFirmware(cpe.Index)
            ? TransferResult.Fail(FaultCodes.FileTransferFailure, "Injected firmware failure (--firmware-failure-share)")
            : transfer.IsDownload
            ? await _context.Transfers.DownloadAsync(transfer, cancellationToken).ConfigureAwait(false)
            : await _context.Transfers.UploadAsync(transfer, FileTransfers.UploadContent(cpe, transfer.FileType, start), cancellationToken).ConfigureAwait(false);
        DateTimeOffset end = _context.TimeProvider.GetUtcNow();
        CpeExtras extras = cpe.EnsureExtras();
        extras.Transfers?.Remove(transfer);
        (extras.CompletedTransfers ??= []).Add(new CompletedTransfer(
            transfer.MethodEvent,
            new TransferComplete(transfer.CommandKey, new TransferFault(result.FaultCode, result.FaultString), start, end)));
        _context.Statistics.Transfer((transfer.IsDownload ? "download-" : "upload-") + (result.Succeeded ? "ok" : result.FaultCode.ToString(CultureInfo.InvariantCulture)));
        if (!transfer.IsDownload || !result.Succeeded)
        {
            return;
        }

        // A firmware image or a configuration file is applied by rebooting; the TransferComplete follows the boot.
        if (transfer.FileType.StartsWith("1 ", StringComparison.Ordinal))
        {
            cpe.Model.SetValue(cpe.Template.Names.SoftwareVersion, FirmwareVersion(transfer));
            StartReboot(cpe, end.UtcTicks);
        }
        else if (transfer.FileType.StartsWith("3 ", StringComparison.Ordinal))
        {
            StartReboot(cpe, end.UtcTicks);
        }
    }

    /// <summary>The version a firmware file installs: its TargetFileName, else the URL's file name without extension.</summary>
    internal static string FirmwareVersion(PendingTransfer transfer)
    {
        if (transfer.TargetFileName.Length > 0)
        {
            return transfer.TargetFileName.Length > 64 ? transfer.TargetFileName[..64] : transfer.TargetFileName;
        }

        string file = Uri.TryCreate(transfer.Url, UriKind.Absolute, out Uri? uri) ? Path.GetFileNameWithoutExtension(uri.AbsolutePath) : string.Empty;
        return file.Length == 0 ? "unknown" : file.Length > 64 ? file[..64] : file;
    }

    private void ApplyEffects(SimulatedCpe cpe, SessionEffects effects, long now)
    {
        if (effects.Transfers is { Count: > 0 })
        {
            (cpe.EnsureExtras().Transfers ??= []).AddRange(effects.Transfers);
        }

        if (effects.ScheduledInforms is { Count: > 0 })
        {
            (cpe.EnsureExtras().ScheduledInforms ??= []).AddRange(effects.ScheduledInforms.Select(s => (now + (s.DelaySeconds * TimeSpan.TicksPerSecond), s.CommandKey)));
        }

        if (effects.Diagnostics is { Count: > 0 })
        {
            List<(long DueTicks, string ObjectPath)> diagnostics = cpe.EnsureExtras().Diagnostics ??= [];
            foreach ((string path, bool cancel) in effects.Diagnostics)
            {
                diagnostics.RemoveAll(d => d.ObjectPath == path);
                if (!cancel)
                {
                    diagnostics.Add((now + _context.Options.DiagnosticsDuration.Ticks, path));
                }
            }
        }

        if (effects.PeriodicChanged)
        {
            cpe.NextPeriodicTicks = now + NextPeriodicInterval(cpe);
        }

        if (effects.FactoryReset)
        {
            cpe.Model.Reset();
            cpe.Bootstrapped = false;
            cpe.Extras = null;
            cpe.PendingEvents = null;
            cpe.RefreshConnectionRequestCredentials();
            _context.ConnectionRequestUsernameChanged(cpe, cpe.ConnectionRequestUsername);
            StartReboot(cpe, now);
        }
        else if (effects.Reboot)
        {
            cpe.AddEvent(EventCodes.MReboot, effects.RebootCommandKey!);
            StartReboot(cpe, now);
        }
    }

    /// <summary>Down for the reboot time; what does not survive a reboot is dropped (icwmp: 1, 4, 6 and 8; diagnostics).</summary>
    private void StartReboot(SimulatedCpe cpe, long now)
    {
        cpe.RebootDoneTicks = now + Math.Max(1, _context.Options.RebootDuration.Ticks);
        cpe.RemoveEvents(e => e.EventCode is EventCodes.Boot or EventCodes.ValueChange or EventCodes.ConnectionRequest or EventCodes.DiagnosticsComplete);
        cpe.Extras?.Diagnostics?.Clear();
    }

    private void CompleteBoot(SimulatedCpe cpe, long now)
    {
        cpe.RebootDoneTicks = 0;
        cpe.BootedAtTicks = now;
        cpe.RetryCount = 0;
        cpe.AddEvent(EventCodes.Boot, first: true);
        if (!cpe.Bootstrapped)
        {
            cpe.AddEvent(EventCodes.Bootstrap, first: true);
        }
        cpe.NextPeriodicTicks = now + NextPeriodicInterval(cpe);
    }

    internal void ScheduleNext(SimulatedCpe cpe, long now)
    {
        if (_context.Stopping)
        {
            return;
        }

        long due = long.MaxValue;
        if (cpe.IsRebooting)
        {
            due = cpe.RebootDoneTicks;
        }
        else
        {
            if (PeriodicEnabled(cpe))
            {
                due = cpe.NextPeriodicTicks;
            }

            if (HasWork(cpe))
            {
                due = Math.Min(due, cpe.RetryCount > 0 ? Math.Max(now, cpe.RetryAtTicks) : now);
            }

            if (cpe.Extras is { } extras)
            {
                foreach ((long dueTicks, _) in extras.ScheduledInforms ?? [])
                {
                    due = Math.Min(due, dueTicks);
                }

                foreach ((long dueTicks, _) in extras.Diagnostics ?? [])
                {
                    due = Math.Min(due, dueTicks);
                }

                foreach (PendingTransfer transfer in extras.Transfers ?? [])
                {
                    due = transfer.State == 1 ? Math.Min(due, transfer.DueTicks) : due;
                }
            }
        }

        if (due != long.MaxValue && due != cpe.ScheduledWakeTicks)
        {
            Scheduler.Schedule(cpe, due);
        }
    }
}
