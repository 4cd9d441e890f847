namespace Cwmp.Protocol.Tests;

public sealed class DeviceKeyTests
{
    [Theory]
    [InlineData("00E0FC", "BM632w", "48575443A1B2C3D4", "00E0FC-BM632w-48575443A1B2C3D4")]
    [InlineData("00D09E", "", "SN-1", "00D09E-SN%2D1")]
    [InlineData("A1B2C3", "hAP ac", "8A2C.0A/1B", "A1B2C3-hAP%20ac-8A2C%2E0A%2F1B")]
    [InlineData("A1B2C3", "Box_1", "sn_ü", "A1B2C3-Box_1-sn_%C3%BC")]
    [InlineData("A1B2C3", "Box", "💡", "A1B2C3-Box-%F0%9F%92%A1")]
    public void Key_percent_encodes_everything_outside_letters_digits_and_underscore(string oui, string productClass, string serial, string expected)
    {
        string key = DeviceKey.Format(oui, productClass, serial);

        Assert.Equal(expected, key);
        Assert.True(DeviceKey.TryParse(key, out string o, out string p, out string s));
        Assert.Equal((oui, productClass, serial), (o, p, s));
    }

    [Fact]
    public void Device_id_struct_gives_its_key()
    {
        Assert.Equal("00E0FC-BM632w-SN1", new DeviceIdStruct("Huawei", "00E0FC", "BM632w", "SN1").ToDeviceKey());
    }

    [Theory]
    [InlineData("")]
    [InlineData("onlyone")]
    [InlineData("a-b-c-d")]
    [InlineData("A1B2C3--SN")]
    [InlineData("-Box-SN")]
    [InlineData("A1B2C3-Box-%ZZ")]
    [InlineData("A1B2C3-Box-%C3")]
    [InlineData("A1B2C3-Box-%C3%28")]
    [InlineData("A1B2C3-Box-é")]
    public void Malformed_keys_do_not_parse(string key)
    {
        Assert.False(DeviceKey.TryParse(key, out _, out _, out _));
    }
}
