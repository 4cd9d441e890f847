namespace Cwmp.Grains.Presets;

/// <summary>
/// On which Informs a preset is evaluated: when the Inform carries one of <see cref="Events"/> (any Inform when the
/// list is empty or holds "*"), and, when <see cref="Window"/> is set, the Inform arrives within that daily window.
/// Once triggered, the preset is followed for the rest of that session.
/// </summary>
[GenerateSerializer, Immutable, Alias("cwmp.PresetTriggers")]
public sealed record PresetTriggers
{
    public const string AnyEvent = "*";

    public static readonly PresetTriggers EveryInform = new();

    /// <summary>Event codes ("0 BOOTSTRAP", "1 BOOT", "2 PERIODIC", "4 VALUE CHANGE", "6 CONNECTION REQUEST", "M Reboot", "X …").</summary>
    [Id(0)] public IReadOnlyList<string> Events { get; init; } = [];

    [Id(1)] public PresetWindow? Window { get; init; }
}

/// <summary>
/// A time window of each day, in UTC: [<see cref="Start"/>, <see cref="End"/>); a window whose end is before its start
/// spans midnight (22:00–04:00).
/// </summary>
[GenerateSerializer, Immutable, Alias("cwmp.PresetWindow")]
public sealed record PresetWindow
{
    [Id(0)] public required TimeSpan Start { get; init; }

    [Id(1)] public required TimeSpan End { get; init; }

    public bool Contains(DateTimeOffset at)
    {
        TimeSpan time = at.UtcDateTime.TimeOfDay;
        return Start <= End ? time >= Start && time < End : time >= Start || time < End;
    }
}
