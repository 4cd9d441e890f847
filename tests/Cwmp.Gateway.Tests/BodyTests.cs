using System.IO.Compression;
using System.Text;
using Cwmp.Gateway.Tests.Grains;
using Cwmp.Gateway.Tests.Infrastructure;
using Cwmp.Protocol;

namespace Cwmp.Gateway.Tests;

/// <summary>HTTP bodies as CPEs send them: encodings, framing, content types, limits and broken XML.</summary>
[Collection(ClusterDefinition.Name)]
public sealed class BodyTests(ClusterFixture cluster)
{
    private static readonly Dictionary<string, string?> SmallLimit = new() { ["Cwmp:Gateway:MaxBodyBytes"] = "65536" };

    [Theory]
    [InlineData("gzip")]
    [InlineData("x-gzip")]
    [InlineData("deflate")]
    public async Task Compressed_request_gets_a_reply_in_the_same_encoding(string encoding)
    {
        await using GatewayHost gateway = await GatewayHost.StartAsync(cluster.Client);
        await using CpeConnection cpe = await gateway.ConnectAsync();
        string serial = Cpe.NewSerial();

        HttpReply reply = await cpe.PostAsync(new CpeRequest("a compressed Inform", Compress(CpeXml.Inform(serial), encoding)).With("Content-Encoding", encoding));

        Assert.Equal(encoding == "deflate" ? "deflate" : "gzip", reply.Header("Content-Encoding"));
        Cpe.AssertInformResponse(reply);
        Cpe.AssertGetParameterValues(await cpe.PostAsync(new CpeRequest("a compressed empty POST", []).With("Content-Encoding", encoding)));
    }

    [Fact]
    public async Task Raw_deflate_without_the_zlib_header_is_accepted_too()
    {
        await using GatewayHost gateway = await GatewayHost.StartAsync(cluster.Client);
        await using CpeConnection cpe = await gateway.ConnectAsync();
        using var output = new MemoryStream();
        using (var deflate = new DeflateStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            deflate.Write(Encoding.UTF8.GetBytes(CpeXml.Inform(Cpe.NewSerial())));
        }

        Cpe.AssertInformResponse(await cpe.PostAsync(new CpeRequest("a raw-deflate Inform", output.ToArray()).With("Content-Encoding", "deflate")));
    }

    [Fact]
    public async Task Chunked_request_body()
    {
        await using GatewayHost gateway = await GatewayHost.StartAsync(cluster.Client);
        await using CpeConnection cpe = await gateway.ConnectAsync();

        Cpe.AssertInformResponse(await cpe.PostAsync(Cpe.Inform(Cpe.NewSerial()).Framed(Framing.Chunked)));
        Cpe.AssertGetParameterValues(await cpe.PostAsync(Cpe.EmptyPost().Framed(Framing.Chunked)));
        Cpe.AssertSessionEnd(await cpe.PostAsync(Cpe.GpvResponse().Framed(Framing.Chunked).With("Content-Encoding", "identity")));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("text/html", "SOAPAction")]
    [InlineData("application/soap+xml", "SoapAction: \"urn:dslforum-org:cwmp-1-0#Inform\"")]
    [InlineData("text/xml;charset=UTF8", "soapaction: \"\"")]
    public async Task Missing_or_odd_content_type_and_any_soapaction(string? contentType, string? soapAction)
    {
        await using GatewayHost gateway = await GatewayHost.StartAsync(cluster.Client);
        await using CpeConnection cpe = await gateway.ConnectAsync();
        CpeRequest request = Cpe.Inform(Cpe.NewSerial()).Without("Content-Type").Without("SOAPAction");
        if (contentType is not null)
        {
            request.With("Content-Type", contentType);
        }

        if (soapAction is not null)
        {
            int colon = soapAction.IndexOf(':', StringComparison.Ordinal);
            request.With(colon < 0 ? soapAction : soapAction[..colon], colon < 0 ? string.Empty : soapAction[(colon + 1)..].Trim());
        }

        Cpe.AssertInformResponse(await cpe.PostAsync(request));
    }

    [Fact]
    public async Task Charset_of_the_content_type_decodes_a_body_without_xml_declaration()
    {
        await using GatewayHost gateway = await GatewayHost.StartAsync(cluster.Client);
        await using CpeConnection cpe = await gateway.ConnectAsync();
        string serial = Cpe.NewSerial();
        byte[] latin1 = Encoding.Latin1.GetBytes(CpeXml.Inform(serial, manufacturer: "Télécom Ünïon", declaration: string.Empty));

        Cpe.AssertInformResponse(await cpe.PostAsync(new CpeRequest("a Latin-1 Inform", latin1).With("Content-Type", "text/xml; charset=ISO-8859-1")));

        Assert.Equal("Télécom Ünïon", (await cluster.Client.GetGrain<IDeviceProbeGrain>(CpeXml.DeviceKeyOf(serial)).GetProbeAsync()).Manufacturer);
    }

    [Fact]
    public async Task Expect_100_continue_gets_the_interim_reply_before_the_body_is_sent()
    {
        await using GatewayHost gateway = await GatewayHost.StartAsync(cluster.Client);
        await using CpeConnection cpe = await gateway.ConnectAsync();
        CpeRequest request = Cpe.Inform(Cpe.NewSerial()).With("Expect", "100-continue");

        await cpe.SendAsync(request.Head(gateway.Port), "the head of an Inform that expects 100-continue");
        HttpReply interim = await cpe.ReadReplyAsync("the 100 Continue");
        Assert.Equal(100, interim.Status);
        await cpe.SendAsync(request.FramedBody(), "the body after 100 Continue");

        Cpe.AssertInformResponse(await cpe.ReadReplyAsync("the reply to the Inform"));
    }

    [Fact]
    public async Task Declared_length_over_the_limit_is_413_before_the_body_is_read()
    {
        await using GatewayHost gateway = await GatewayHost.StartAsync(cluster.Client, SmallLimit);
        using var parseErrors = gateway.Collect<long>("cwmp.gateway.parse_errors");
        await using CpeConnection cpe = await gateway.ConnectAsync();
        CpeRequest request = new("an Inform of 100000 bytes", new byte[100_000]);

        await cpe.SendAsync(request.Head(gateway.Port), "the head of an oversized POST");
        HttpReply reply = await cpe.ReadReplyAsync("the 413 to an oversized Content-Length");

        Assert.Equal(413, reply.Status);
        Assert.Equal("The body exceeds 65536 bytes.\n", reply.Text);
        Assert.Equal([("BodyTooLarge", 1L)], parseErrors.GetMeasurementSnapshot().Select(m => ((string)m.Tags["error"]!, m.Value)));
    }

    [Fact]
    public async Task Chunked_body_over_the_limit_is_413()
    {
        await using GatewayHost gateway = await GatewayHost.StartAsync(cluster.Client, SmallLimit);
        await using CpeConnection cpe = await gateway.ConnectAsync();
        string padding = new(' ', 70_000);

        HttpReply reply = await cpe.PostAsync(new CpeRequest("a chunked oversized Inform", CpeXml.Inform(Cpe.NewSerial()) + padding).Framed(Framing.Chunked));

        Assert.Equal(413, reply.Status);
    }

    [Fact]
    public async Task Gzip_bomb_is_413_as_soon_as_it_inflates_past_the_limit()
    {
        await using GatewayHost gateway = await GatewayHost.StartAsync(cluster.Client, SmallLimit);
        using var requests = gateway.Collect<long>("cwmp.gateway.requests");
        await using CpeConnection cpe = await gateway.ConnectAsync();
        byte[] bomb = Compress(CpeXml.Inform(Cpe.NewSerial()) + new string(' ', 20_000_000), "gzip");
        Assert.True(bomb.Length < 65536, $"the bomb is {bomb.Length} bytes compressed");

        HttpReply reply = await cpe.PostAsync(new CpeRequest("a gzip bomb", bomb).With("Content-Encoding", "gzip"));

        Assert.Equal(413, reply.Status);
        Assert.Equal([("payload_too_large", 1L)], requests.GetMeasurementSnapshot().Select(m => ((string)m.Tags["outcome"]!, m.Value)));
    }

    [Fact]
    public async Task Corrupt_gzip_is_400_and_an_unknown_encoding_415()
    {
        await using GatewayHost gateway = await GatewayHost.StartAsync(cluster.Client);
        await using CpeConnection cpe = await gateway.ConnectAsync();

        Assert.Equal(400, (await cpe.PostAsync(new CpeRequest("corrupt gzip", [0x1F, 0x8B, 8, 0, 1, 2, 3, 4, 5, 6, 7]).With("Content-Encoding", "gzip"))).Status);
        Assert.Equal(415, (await cpe.PostAsync(Cpe.Inform(Cpe.NewSerial()).With("Content-Encoding", "br"))).Status);
    }

    [Fact]
    public async Task Broken_chunked_framing_is_400()
    {
        await using GatewayHost gateway = await GatewayHost.StartAsync(cluster.Client);
        await using CpeConnection cpe = await gateway.ConnectAsync();
        CpeRequest request = Cpe.Inform(Cpe.NewSerial()).Framed(Framing.Chunked);

        await cpe.SendAsync(request.Head(gateway.Port), "the head of a chunked Inform");
        await cpe.SendAsync("zz\r\n<soap/>\r\n0\r\n\r\n"u8.ToArray(), "a chunk with a size that is not hex");
        HttpReply reply = await cpe.ReadReplyAsync("the reply to broken chunked framing");

        Assert.Equal(400, reply.Status);
        Assert.Contains(gateway.Logs.GetSnapshot(), r => r.Message.Contains("broken HTTP framing of the body", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Malformed_xml_is_400_with_a_log_line_and_a_parse_error_metric()
    {
        await using GatewayHost gateway = await GatewayHost.StartAsync(cluster.Client);
        using var parseErrors = gateway.Collect<long>("cwmp.gateway.parse_errors");
        await using CpeConnection cpe = await gateway.ConnectAsync();
        string truncated = CpeXml.Inform(Cpe.NewSerial())[..400];

        HttpReply reply = await cpe.PostAsync(new CpeRequest("a truncated Inform", truncated));

        Assert.Equal(400, reply.Status);
        Assert.Equal([("MalformedXml", 1L)], parseErrors.GetMeasurementSnapshot().Select(m => ((string)m.Tags["error"]!, m.Value)));
        Assert.Contains(gateway.Logs.GetSnapshot(), r => r.Message.Contains("did not parse (MalformedXml", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bad_rpc_arguments_with_an_id_get_soap_fault_8003_in_the_cpes_namespace()
    {
        await using GatewayHost gateway = await GatewayHost.StartAsync(cluster.Client);
        await using CpeConnection cpe = await gateway.ConnectAsync();
        string serial = Cpe.NewSerial();

        HttpReply reply = await cpe.PostAsync(new CpeRequest("an Inform with RetryCount abc", CpeXml.Inform(serial, "bad-1", retryCount: "abc", ns: CwmpNamespaces.Cwmp12)));

        Assert.Equal(200, reply.Status);
        Assert.Equal("text/xml; charset=\"utf-8\"", reply.Header("Content-Type"));
        Assert.Equal(new CwmpEnvelope(CwmpNamespaces.Cwmp12, CwmpHeader.WithId("bad-1"), CwmpFault.Create(FaultCodes.InvalidArguments)), reply.Envelope());
        Assert.Equal(0, (await cluster.Client.GetGrain<IDeviceProbeGrain>(CpeXml.DeviceKeyOf(serial)).GetProbeAsync()).Posts);
    }

    [Fact]
    public async Task Bad_arguments_in_a_response_cannot_be_faulted_and_get_400()
    {
        await using GatewayHost gateway = await GatewayHost.StartAsync(cluster.Client);
        await using CpeConnection cpe = await gateway.ConnectAsync();
        string broken = CpeXml.GetParameterValuesResponse().Replace("<ParameterValueStruct><Name>Device.DeviceInfo.SoftwareVersion</Name>", "<ParameterValueStruct>", StringComparison.Ordinal);

        Assert.Equal(400, (await cpe.PostAsync(new CpeRequest("a GetParameterValuesResponse without Name", broken))).Status);
    }

    [Fact]
    public async Task Inform_without_serial_number_gets_fault_8003()
    {
        await using GatewayHost gateway = await GatewayHost.StartAsync(cluster.Client);
        await using CpeConnection cpe = await gateway.ConnectAsync();

        HttpReply reply = await cpe.PostAsync(new CpeRequest("an Inform without SerialNumber", CpeXml.Inform(string.Empty, "no-serial")));

        Assert.Equal(
            CwmpEnvelope.Create(CwmpVersion.Version10, "no-serial", CwmpFault.Create(FaultCodes.InvalidArguments)),
            reply.Envelope());
    }

    private static byte[] Compress(string text, string encoding)
    {
        using var output = new MemoryStream();
        using (Stream compressor = encoding == "deflate"
            ? new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true)
            : new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            compressor.Write(Encoding.UTF8.GetBytes(text));
        }

        return output.ToArray();
    }
}
