namespace Cwmp.Files;

/// <summary>The TR-069 Download FileType values (A.3.2.8): the standard ones and vendor types "X &lt;OUI&gt; &lt;name&gt;".</summary>
public static class FileTypes
{
    public const string FirmwareUpgradeImage = "1 Firmware Upgrade Image";
    public const string WebContent = "2 Web Content";
    public const string VendorConfigurationFile = "3 Vendor Configuration File";
    public const string ToneFile = "4 Tone File";
    public const string RingerFile = "5 Ringer File";

    /// <summary>The standard types; vendor types are accepted too (<see cref="IsValid"/>).</summary>
    public static IReadOnlyList<string> Standard { get; } = [FirmwareUpgradeImage, WebContent, VendorConfigurationFile, ToneFile, RingerFile];

    public static bool IsValid(string? fileType) =>
        fileType is not null
        && (Standard.Contains(fileType, StringComparer.Ordinal)
            || (fileType.StartsWith("X ", StringComparison.Ordinal) && fileType.Length is > 2 and <= 64 && !fileType.Any(char.IsControl)));
}
