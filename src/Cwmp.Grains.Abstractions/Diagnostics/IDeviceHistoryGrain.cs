namespace Cwmp.Grains;

/// <summary>
/// Value-change history of one device: the same grain as <see cref="IDeviceGrain"/>, reached through
/// <c>GetGrain&lt;IDeviceHistoryGrain&gt;(deviceKey)</c>. Each Inform with "4 VALUE CHANGE" records, per parameter, the
/// values that differ from what the ACS knew before (a forced-inform parameter that did not change is not recorded).
/// </summary>
[Alias("cwmp.IDeviceHistoryGrain")]
public interface IDeviceHistoryGrain : IGrainWithStringKey
{
    /// <summary>The recorded values of one parameter, newest first (the last 20 by default).</summary>
    [Alias("GetValueHistory")]
    Task<IReadOnlyList<ParameterValueChange>> GetValueHistoryAsync(string parameterName);
}
