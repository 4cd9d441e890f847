namespace Cwmp.Grains.Provisioning;

/// <summary>
/// Why provisioning queued a task ("values", "read", "table:Device.WiFi.SSID.", "add:&lt;rule&gt;", …) and the keys
/// of what failed ("value:&lt;path&gt;=&lt;value&gt;", "fw:&lt;version&gt;", …): short strings, stored in the device state.
/// </summary>
internal static class ProvisioningPurpose
{
    public const string Requester = "provisioning";

    public const string Values = "values";
    public const string Read = "read";
    public const string Notify = "notify";
    public const string TablePrefix = "table:";
    public const string AddPrefix = "add:";
    public const string DeletePrefix = "delete:";
    public const string FirmwarePrefix = "fw:";
    public const string Reboot = "reboot";
    public const string RpcMethods = "discover:rpc";
    public const string DataModels = "discover:models";
    public const string Names = "discover:names";
    public const string WalkPrefix = "walk:";

    /// <summary>A change a reboot-asking preset made: the purpose carries the marker.</summary>
    public const string RebootMarker = "|reboot";

    public static string ValueFailure(string path, string value) => "value:" + path + "=" + value;

    public static string ReadFailure(string path) => "read:" + path;

    public static string NotifyFailure(string path, int notification) => "notify:" + path + "=" + notification.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string ObjectFailure(string identity) => "object:" + identity;

    public static string FirmwareFailure(string version) => FirmwarePrefix + version;
}
