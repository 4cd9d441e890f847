using System.Globalization;
using System.Net;
using Cwmp.Protocol;
using Cwmp.Swarm.DataModel;
using Cwmp.Swarm.Swarm;

namespace Cwmp.Swarm.Cpe;

/// <summary>
/// One simulated CPE. It keeps what a real device would keep across sessions (pending events, retry count,
/// bootstrap state, its changes to the data model) and derives everything else from its index and the shared
/// template. All its logic runs in "turns" (<see cref="CpeRuntime"/>), one at a time, so its state needs no locks;
/// other threads only raise signals.
/// </summary>
internal sealed class SimulatedCpe : IModelOwner
{
    private readonly SwarmContext _context;
    private int _turnState;
    private int _signals;
    private volatile ConnectionRequestCredentials? _connectionRequestCredentials;

    public SimulatedCpe(SwarmContext context, int index, DeviceTemplate template, CpeProfile profile, bool acceptsConnectionRequests)
    {
        _context = context;
        Index = index;
        Template = template;
        Profile = profile;
        AcceptsConnectionRequests = acceptsConnectionRequests;
    }

    public int Index { get; }

    public DeviceTemplate Template { get; }

    public ModelOverlay? Overlay { get; set; }

    public CpeProfile Profile { get; }

    public bool AcceptsConnectionRequests { get; }

    /// <summary>False until an Inform carrying 0 BOOTSTRAP has been acknowledged (and again after FactoryReset).</summary>
    public bool Bootstrapped { get; set; }

    /// <summary>Failed session attempts in a row (the Inform's RetryCount).</summary>
    public uint RetryCount { get; set; }

    public long BootedAtTicks { get; set; }

    public long NextPeriodicTicks { get; set; }

    public long RetryAtTicks { get; set; }

    /// <summary>Non-zero while the device is rebooting: when it is up again (UTC ticks).</summary>
    public long RebootDoneTicks { get; set; }

    /// <summary>The wake-up time last handed to the scheduler, so that an unchanged one is not queued twice.</summary>
    public long ScheduledWakeTicks { get; set; }

    public List<EventStruct>? PendingEvents { get; set; }

    public CpeExtras? Extras { get; set; }

    public DeviceModel Model => new(this);

    public bool IsRebooting => RebootDoneTicks != 0;

    public CpeExtras EnsureExtras() => Extras ??= new CpeExtras();

    /// <summary>Adds an event once (M events once per CommandKey); <paramref name="first"/> puts it before the others.</summary>
    public void AddEvent(string code, string commandKey = "", bool first = false)
    {
        PendingEvents ??= [];
        if (EventCodes.IsMethodEvent(code) ? PendingEvents.Exists(e => e.EventCode == code && e.CommandKey == commandKey) : PendingEvents.Exists(e => e.EventCode == code))
        {
            return;
        }

        if (first)
        {
            PendingEvents.Insert(0, new EventStruct(code, commandKey));
        }
        else
        {
            PendingEvents.Add(new EventStruct(code, commandKey));
        }
    }

    public bool HasEvent(string code) => PendingEvents?.Exists(e => e.EventCode == code) == true;

    public void RemoveEvents(Predicate<EventStruct> match) => PendingEvents?.RemoveAll(match);

    /// <summary>Raises the turn signal; true when the caller must queue the device for a worker.</summary>
    public bool Signal()
    {
        while (true)
        {
            int state = Volatile.Read(ref _turnState);
            if (state == 0 && Interlocked.CompareExchange(ref _turnState, 1, 0) == 0)
            {
                return true;
            }

            if (state == 2 || (state == 1 && Interlocked.CompareExchange(ref _turnState, 2, 1) == 1))
            {
                return false;
            }
        }
    }

    /// <summary>Ends a turn; true when a signal arrived meanwhile and the worker must run another turn.</summary>
    public bool EndTurn()
    {
        while (true)
        {
            int state = Volatile.Read(ref _turnState);
            if (state == 2 && Interlocked.CompareExchange(ref _turnState, 1, 2) == 2)
            {
                return true;
            }

            if (state == 1 && Interlocked.CompareExchange(ref _turnState, 0, 1) == 1)
            {
                return false;
            }
        }
    }

    /// <summary>Raises an outside event (a connection request, a user's change, a power cut) for the next turn.</summary>
    public void Raise(CpeSignal signal) => Interlocked.Or(ref _signals, (int)signal);

    /// <summary>Takes every raised event at once.</summary>
    public CpeSignal TakeSignals() => (CpeSignal)Interlocked.Exchange(ref _signals, 0);

    /// <summary>
    /// The credentials a connection request must carry. Read by the listener threads, so it is an immutable record
    /// swapped by the device's turn when the ACS sets them, never the data model itself.
    /// </summary>
    public ConnectionRequestCredentials ConnectionRequestCredentials =>
        _connectionRequestCredentials ?? new ConnectionRequestCredentials(ConnectionRequestUsername, ConnectionRequestPassword);

    /// <summary>Called in a turn after the ACS changed the connection-request username or password (or a reset undid them).</summary>
    public void RefreshConnectionRequestCredentials()
    {
        DeviceModel model = Model;
        string username = model.GetValue(Template.Names.ConnectionRequestUsername) ?? ConnectionRequestUsername;
        string password = model.GetValue(Template.Names.ConnectionRequestPassword) ?? ConnectionRequestPassword;
        _connectionRequestCredentials = username == ConnectionRequestUsername && password == ConnectionRequestPassword
            ? null
            : new ConnectionRequestCredentials(username, password);
    }

    /// <summary>The device's own loopback source address, 127.x.y.z from its index (never 127.0.0.x).</summary>
    public IPAddress SourceAddress
    {
        get
        {
            int n = Index + 256;
            return new IPAddress([127, (byte)(1 + ((n >> 16) & 0x7F)), (byte)((n >> 8) & 0xFF), (byte)(n & 0xFF)]);
        }
    }

    public DeviceIdStruct DeviceId => new(Template.Identity.Manufacturer, Template.Identity.Oui, Template.Identity.ProductClass, SerialNumber);

    // IDeviceFacts: derived, never stored.
    public string SerialNumber => Template.Identity.SerialPrefix + (Index + _context.Options.IndexOffset).ToString("D10", CultureInfo.InvariantCulture);

    public string DeviceKey => Protocol.DeviceKey.Format(Template.Identity.Oui, Template.Identity.ProductClass, SerialNumber);

    public string AcsUrl => _context.Options.AcsUrl.OriginalString;

    public string AcsUsername => DeviceKey;

    public string AcsPassword => _context.AcsPasswords.PasswordFor(DeviceKey);

    public string ConnectionRequestUrl => _context.ConnectionRequestBaseUrl + DeviceKey;

    public string ConnectionRequestUsername => DeviceKey;

    public string ConnectionRequestPassword => _context.ConnectionRequestPasswords.PasswordFor(DeviceKey);

    public string UdpConnectionRequestAddress => _context.UdpConnectionRequestAddress;

    public uint DefaultPeriodicInterval => _context.Options.PeriodicIntervalSeconds;

    public long UptimeSeconds => Math.Max(0, (Now.UtcTicks - BootedAtTicks) / TimeSpan.TicksPerSecond);

    public DateTimeOffset Now => _context.TimeProvider.GetUtcNow();

    public override string ToString() => DeviceKey;
}

/// <summary>ManagementServer.ConnectionRequestUsername and ConnectionRequestPassword.</summary>
internal sealed record ConnectionRequestCredentials(string Username, string Password);
