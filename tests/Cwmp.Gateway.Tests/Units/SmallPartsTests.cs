using System.Text;
using Cwmp.Gateway.Authentication;
using Cwmp.Gateway.Http;
using Cwmp.Gateway.Sessions;
using Cwmp.Protocol;

namespace Cwmp.Gateway.Tests.Units;

public sealed class SmallPartsTests
{
    [Fact]
    public void Retry_after_without_jitter_is_the_base_rounded_up()
    {
        Assert.Equal(30, RetryAfterPolicy.NextSeconds(TimeSpan.FromSeconds(30), TimeSpan.Zero, new Random(1)));
        Assert.Equal(2, RetryAfterPolicy.NextSeconds(TimeSpan.FromSeconds(1.2), TimeSpan.Zero, new Random(1)));
        Assert.Equal(1, RetryAfterPolicy.NextSeconds(TimeSpan.Zero, TimeSpan.Zero, new Random(1)));
    }

    [Fact]
    public void Retry_after_jitter_spreads_over_the_whole_range()
    {
        var random = new Random(42);
        int[] values = [.. Enumerable.Range(0, 2000).Select(_ => RetryAfterPolicy.NextSeconds(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30), random))];

        Assert.Equal(30, values.Min());
        Assert.Equal(60, values.Max());
        Assert.Equal(31, values.Distinct().Count());
    }

    [Theory]
    [InlineData("00D09E-Box-SN1", "00D09E-Box-SN1", true)]
    [InlineData("00D09E-SN1", "00D09E-Box-SN1", true)]
    [InlineData("00D09E-SN1", "00D09E-Other-SN1", true)]
    [InlineData("00D09E-SN1", "00D09E-Box-SN2", false)]
    [InlineData("00D09F-SN1", "00D09E-Box-SN1", false)]
    [InlineData("00D09E-Box-SN1", "00D09E-Box-SN2", false)]
    [InlineData("00D09E-Box-SN1", "00D09E-SN1", false)]
    [InlineData("free text", "00D09E-Box-SN1", false)]
    public void Identity_matches_the_device_or_its_two_part_form(string authenticated, string device, bool matches) =>
        Assert.Equal(matches, DeviceIdentity.Matches(authenticated, device));

    [Theory]
    [InlineData("text/xml; charset=\"utf-8\"", "utf-8")]
    [InlineData("text/xml;charset=UTF8", "utf-8")]
    [InlineData("text/xml; charset=ISO-8859-1", "iso-8859-1")]
    [InlineData("text/html; charset=windows-1252", "windows-1252")]
    [InlineData("text/xml; charset=utf-16", "utf-16")]
    public void Charset_from_the_content_type(string contentType, string webName) =>
        Assert.Equal(webName, CharsetResolver.FromContentType(contentType)!.WebName);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("text/xml")]
    [InlineData("text/xml; charset=klingon")]
    [InlineData("not a media type")]
    public void No_usable_charset_leaves_it_to_the_xml_declaration(string? contentType) =>
        Assert.Null(CharsetResolver.FromContentType(contentType));

    [Theory]
    [InlineData("<x xmlns:cwmp=\"urn:dslforum-org:cwmp-1-2\">", CwmpNamespaces.Cwmp12)]
    [InlineData("<x xmlns:c=\"urn:dslforum-org:cwmp-1-4\"><y xmlns:d=\"urn:dslforum-org:cwmp-1-0\">", CwmpNamespaces.Cwmp14)]
    [InlineData("<x xmlns:cwmp=\"urn:dslforum-org:cwmp-1-17\">", "urn:dslforum-org:cwmp-1-17")]
    [InlineData("<x xmlns:cwmp=\"urn:dslforum-org:cwmp-1-\">", CwmpNamespaces.Cwmp10)]
    [InlineData("<garbage>", CwmpNamespaces.Cwmp10)]
    public void The_cwmp_namespace_of_a_broken_body(string body, string expected) =>
        Assert.Equal(expected, CwmpNamespaceSniffer.Find(Encoding.UTF8.GetBytes(body)));

    [Fact]
    public void Pooled_buffer_grows_and_keeps_what_was_written()
    {
        using var buffer = new PooledBufferWriter(256);
        byte[] data = [.. Enumerable.Range(0, 10_000).Select(i => (byte)i)];

        buffer.Write(data.AsSpan(0, 100));
        data.AsSpan(100).CopyTo(buffer.GetSpan(9_900));
        buffer.Advance(9_900);

        Assert.Equal(data, buffer.WrittenSpan.ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Advance(buffer.GetSpan().Length + 1));
    }
}
