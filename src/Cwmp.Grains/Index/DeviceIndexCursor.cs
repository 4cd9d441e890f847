using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Cwmp.Grains.Index;

/// <summary>
/// Where a query stopped: a shard and the last device key examined in it (device keys are ordered ordinally within a
/// shard, so the next page starts strictly after it). Opaque to callers: base64url of "v1|shard|key".
/// </summary>
internal readonly record struct DeviceIndexCursor(int Shard, string After)
{
    private const string Version = "v1";

    public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Version}|{Shard}|{After}")));

    /// <exception cref="ArgumentException">The text is not a cursor of this index.</exception>
    public static DeviceIndexCursor Decode(string cursor, int shardCount)
    {
        string text;
        try
        {
            text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        }
        catch (FormatException e)
        {
            throw new ArgumentException("The cursor is not one this index issued.", nameof(cursor), e);
        }

        string[] parts = text.Split('|', 3);
        if (parts.Length != 3 || parts[0] != Version
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int shard) || shard >= shardCount)
        {
            throw new ArgumentException("The cursor is not one this index issued (or the shard count changed).", nameof(cursor));
        }

        return new DeviceIndexCursor(shard, parts[2]);
    }
}
