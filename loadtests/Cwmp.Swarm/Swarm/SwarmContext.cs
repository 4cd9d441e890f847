using System.Collections.Concurrent;
using Cwmp.Protocol;
using Cwmp.Swarm.Cpe;
using Cwmp.Swarm.DataModel;
using Cwmp.Swarm.Http;

namespace Cwmp.Swarm.Swarm;

/// <summary>What every device of a swarm shares: settings, clock, dice, counters, endpoints and the device table.</summary>
internal sealed class SwarmContext : IDisposable
{
    private const int MaxParkedConnections = 10_000;
    private readonly ConcurrentDictionary<string, SimulatedCpe> _connectionRequestUsernames = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<CpeHttpConnection, ITimer> _parked = new();
    private long _sessionsAllowed;
    private long[] _informed = [];
    private int _informedCount;
    private long _allInformedTimestamp;
    private volatile bool _stopping;

    public SwarmContext(SwarmOptions options, TimeProvider timeProvider, IRandomSource random)
    {
        Options = options;
        TimeProvider = timeProvider;
        Random = random;
        AcsPasswords = PasswordScheme.Parse(options.PasswordScheme);
        ConnectionRequestPasswords = PasswordScheme.Parse(options.ConnectionRequestPasswordScheme);
        Transfers = new FileTransfers(options.DownloadHashParameter, options.MaxDownloadBytes);
    }

    public SwarmOptions Options { get; }

    public TimeProvider TimeProvider { get; }

    public IRandomSource Random { get; }

    public SwarmStatistics Statistics { get; } = new();

    public PasswordScheme AcsPasswords { get; }

    public PasswordScheme ConnectionRequestPasswords { get; }

    public FileTransfers Transfers { get; }

    public SimulatedCpe[] Devices
    {
        get;
        set
        {
            field = value;
            _informed = new long[(value.Length + 63) / 64];
        }
    } = [];

    /// <summary>Devices whose Inform the ACS acknowledged at least once in this run.</summary>
    public int DevicesInformed => Volatile.Read(ref _informedCount);

    /// <summary>Completed when every device has had an Inform acknowledged (the end of a boot storm).</summary>
    public TaskCompletionSource AllInformed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The Stopwatch timestamp at which the last device got its first Inform acknowledged; 0 until then.</summary>
    public long AllInformedTimestamp => Interlocked.Read(ref _allInformedTimestamp);

    /// <summary>Records a device's acknowledged Inform; one bit per device, so the cost is the device count / 8 bytes.</summary>
    public void MarkInformed(int index)
    {
        long[] informed = _informed;
        if ((uint)(index >> 6) >= (uint)informed.Length)
        {
            return;
        }

        long bit = 1L << (index & 63);
        if ((Interlocked.Or(ref informed[index >> 6], bit) & bit) == 0 && Interlocked.Increment(ref _informedCount) == Devices.Length)
        {
            Interlocked.Exchange(ref _allInformedTimestamp, System.Diagnostics.Stopwatch.GetTimestamp());
            AllInformed.TrySetResult();
        }
    }

    /// <summary>"http://127.0.0.1:PORT/cr/"; a device's ConnectionRequestURL is this plus its key.</summary>
    public string ConnectionRequestBaseUrl { get; set; } = "http://127.0.0.1:0/cr/";

    /// <summary>"127.0.0.1:PORT" of the shared UDP connection-request socket.</summary>
    public string UdpConnectionRequestAddress { get; set; } = string.Empty;

    public bool Stopping => _stopping;

    public long NowTicks => TimeProvider.GetUtcNow().UtcTicks;

    public void Stop() => _stopping = true;

    /// <summary>
    /// Counts a session against --max-sessions. The session that reaches the limit still runs, and the swarm stops
    /// starting new ones: the run ends when the sessions in flight are done.
    /// </summary>
    public bool TryStartSession()
    {
        if (_stopping)
        {
            return false;
        }

        long count = Interlocked.Increment(ref _sessionsAllowed);
        if (count >= Options.MaxSessions)
        {
            _stopping = true;
            LimitReached.TrySetResult();
        }

        return count <= Options.MaxSessions;
    }

    public TaskCompletionSource LimitReached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Finds a device by its key (the ConnectionRequestURL path) without any table: the key encodes the index.</summary>
    public bool TryFindDevice(string key, out SimulatedCpe cpe)
    {
        cpe = null!;
        if (!DeviceKey.TryParse(key, out string oui, out string productClass, out string serial))
        {
            return false;
        }

        foreach (DeviceTemplate template in new[] { TemplateLoader.Device2, TemplateLoader.Igd })
        {
            TemplateIdentity identity = template.Identity;
            if (identity.Oui != oui || identity.ProductClass != productClass || !serial.StartsWith(identity.SerialPrefix, StringComparison.Ordinal)
                || !long.TryParse(serial.AsSpan(identity.SerialPrefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long number))
            {
                continue;
            }

            long index = number - Options.IndexOffset;
            if (index >= 0 && index < Devices.Length && Devices[index].Template == template && Devices[index].SerialNumber == serial)
            {
                cpe = Devices[index];
                return true;
            }
        }

        return false;
    }

    /// <summary>Finds a device by its ConnectionRequestUsername (UDP connection requests carry only that).</summary>
    public bool TryFindByConnectionRequestUsername(string username, out SimulatedCpe cpe)
    {
        if (_connectionRequestUsernames.TryGetValue(username, out cpe!))
        {
            return true;
        }

        return TryFindDevice(username, out cpe) && cpe.ConnectionRequestCredentials.Username == username;
    }

    public void ConnectionRequestUsernameChanged(SimulatedCpe cpe, string username)
    {
        foreach (KeyValuePair<string, SimulatedCpe> entry in _connectionRequestUsernames.Where(e => e.Value == cpe))
        {
            _connectionRequestUsernames.TryRemove(entry.Key, out _);
        }

        if (username != cpe.ConnectionRequestUsername)
        {
            _connectionRequestUsernames[username] = cpe;
        }
    }

    /// <summary>Keeps a connection open without talking (an injected timeout), closing it later; false when too many are parked.</summary>
    public bool Park(CpeHttpConnection connection, TimeSpan duration)
    {
        if (_parked.Count >= MaxParkedConnections)
        {
            return false;
        }

        ITimer timer = TimeProvider.CreateTimer(static state => ((Action)state!)(), (Action)(() => Unpark(connection)), duration, Timeout.InfiniteTimeSpan);
        _parked[connection] = timer;
        return true;
    }

    private void Unpark(CpeHttpConnection connection)
    {
        if (_parked.TryRemove(connection, out ITimer? timer))
        {
            timer.Dispose();
            connection.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    public void Dispose()
    {
        foreach (CpeHttpConnection connection in _parked.Keys.ToList())
        {
            Unpark(connection);
        }

        Transfers.Dispose();
    }
}
