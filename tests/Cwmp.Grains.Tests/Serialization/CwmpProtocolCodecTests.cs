using Cwmp.Protocol;
using Cwmp.Protocol.Tests.Samples;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Cwmp.Grains.Tests.Serialization;

/// <summary>
/// Every protocol sample and every corpus envelope goes through Orleans' own serializer and copier with the CWMP
/// codec registered, bare, as an envelope and inside the grain contracts, and comes back equal.
/// </summary>
public sealed class CwmpProtocolCodecTests(SerializerFixture fixture) : IClassFixture<SerializerFixture>
{
    private readonly Serializer _serializer = fixture.Serializer;
    private readonly DeepCopier _copier = fixture.Copier;

    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (string key in SampleMessages.All().Select(SampleMessages.Key).Distinct())
        {
            data.Add(key);
        }

        return data;
    }

    public static TheoryData<string> CorpusFiles()
    {
        var data = new TheoryData<string>();
        foreach (string file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Corpus"), "*.xml").Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal))
        {
            data.Add(file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Bare_message_round_trips_as_its_base_types_and_as_object(string sample)
    {
        CwmpMessage message = SampleMessages.Get(sample);

        Assert.Equal(message, _serializer.Deserialize<CwmpMessage>(_serializer.SerializeToArray(message)));
        Assert.Equal(message, _serializer.Deserialize<object>(_serializer.SerializeToArray<object>(message)));
        switch (message)
        {
            case CwmpRequest request:
                Assert.Equal(request, _serializer.Deserialize<CwmpRequest>(_serializer.SerializeToArray(request)));
                break;
            case CwmpResponse response:
                Assert.Equal(response, _serializer.Deserialize<CwmpResponse>(_serializer.SerializeToArray(response)));
                break;
            case CwmpFault fault:
                Assert.Equal(fault, _serializer.Deserialize<CwmpFault>(_serializer.SerializeToArray(fault)));
                break;
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Envelope_round_trips_in_every_version_that_defines_the_message(string sample)
    {
        CwmpMessage message = SampleMessages.Get(sample);
        foreach (CwmpVersion version in CwmpVersion.All.Where(v => v >= message.MinimumVersion))
        {
            var envelope = new CwmpEnvelope(version.NamespaceUri, SampleHeaders.For(version), message);

            CwmpEnvelope back = _serializer.Deserialize<CwmpEnvelope>(_serializer.SerializeToArray(envelope))!;

            Assert.Equal(envelope, back);
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Copier_returns_the_same_instance(string sample)
    {
        CwmpMessage message = SampleMessages.Get(sample);
        var envelope = new CwmpEnvelope(CwmpNamespaces.Cwmp12, CwmpHeader.WithId("7"), message);

        Assert.Same(message, _copier.Copy(message));
        Assert.Same(envelope, _copier.Copy(envelope));
        Assert.Same(message, _copier.Copy<object>(message));
    }

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Corpus_envelope_round_trips_inside_a_session_post(string file)
    {
        CwmpEnvelope envelope = CwmpParser.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Corpus", file)))!;
        var post = new SessionPost("session-1", envelope, "192.0.2.10", "A1B2C3-HomeGateway-HG%2D000001", new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));

        SessionPost back = _serializer.Deserialize<SessionPost>(_serializer.SerializeToArray(post))!;

        Assert.Equal(post, back);
        Assert.Equal(envelope, back.Envelope);
    }

    [Fact]
    public void Fault_envelope_without_header_keeps_its_namespace()
    {
        // The parser reads the namespace from the RPC element or the header; a fault has neither in the cwmp namespace.
        var envelope = new CwmpEnvelope(CwmpNamespaces.Cwmp13, CwmpHeader.Empty, CwmpFault.Create(FaultCodes.InvalidParameterName));

        CwmpEnvelope back = _serializer.Deserialize<CwmpEnvelope>(_serializer.SerializeToArray(envelope))!;

        Assert.Equal(CwmpNamespaces.Cwmp13, back.CwmpNamespace);
        Assert.Equal(envelope, back);
    }

    [Fact]
    public void Wire_form_is_the_cwmp_xml_under_the_codec_alias()
    {
        var message = new GetParameterValues(["Device.DeviceInfo."]);

        string wire = System.Text.Encoding.UTF8.GetString(_serializer.SerializeToArray<CwmpMessage>(message));

        Assert.Contains("cwmp-xml", wire, StringComparison.Ordinal);
        Assert.Contains("<cwmp:GetParameterValues><ParameterNames soap-enc:arrayType=\"xsd:string[1]\"><string>Device.DeviceInfo.</string></ParameterNames></cwmp:GetParameterValues>", wire, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Stored_text_form_reads_back_equal(string sample)
    {
        CwmpMessage message = SampleMessages.Get(sample);

        string text = CwmpMessageXml.Write(message);

        Assert.Equal(message, CwmpMessageXml.Read(text));
        Assert.StartsWith(message is CwmpFault ? "<soap-env:Fault>" : "<cwmp:" + message.MethodName, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Stored_text_form_is_the_rpc_element_alone()
    {
        Assert.Equal("<cwmp:Reboot><CommandKey>k&amp;1</CommandKey></cwmp:Reboot>", CwmpMessageXml.Write(new Reboot("k&1")));
        Assert.Equal(new Reboot("k&1"), CwmpMessageXml.Read<CwmpRequest>("<cwmp:Reboot><CommandKey>k&amp;1</CommandKey></cwmp:Reboot>"));
        Assert.Throws<FormatException>(() => CwmpMessageXml.Read<CwmpResponse>("<cwmp:Reboot><CommandKey>k</CommandKey></cwmp:Reboot>"));
    }

    [Fact]
    public void Unknown_message_round_trips_by_name()
    {
        var message = new UnknownMessage("X_00E0FC_Hello");

        Assert.Equal(message, _serializer.Deserialize<CwmpMessage>(_serializer.SerializeToArray<CwmpMessage>(message)));
    }

    [Fact]
    public void Sub_second_times_survive()
    {
        var time = CwmpDateTime.From(new DateTimeOffset(2026, 11, 24, 10, 0, 0, 123, TimeSpan.Zero).AddTicks(4567));
        var response = new DownloadResponse(1, time, CwmpDateTime.Unknown);

        var back = (DownloadResponse)_serializer.Deserialize<CwmpResponse>(_serializer.SerializeToArray<CwmpResponse>(response))!;

        Assert.Equal(time.Value, back.StartTime.Value);
        Assert.True(back.CompleteTime.IsUnknown);
    }

    [Fact]
    public void Task_view_with_request_response_and_fault_round_trips_and_shares_repeated_instances()
    {
        var request = new GetParameterValues(["Device.DeviceInfo.", "Device.ManagementServer.URL"]);
        var view = new DeviceTaskView
        {
            Id = "acs-1",
            Method = request.MethodName,
            State = DeviceTaskState.Faulted,
            Attempts = 3,
            Request = request,
            Response = new GetParameterValuesResponse([new ParameterValueStruct("Device.DeviceInfo.UpTime", "5", "xsd:unsignedInt")]),
            Fault = CwmpFault.Create(FaultCodes.CpeInternalError),
            CreatedAt = new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero),
            UpdatedAt = new DateTimeOffset(2026, 11, 24, 10, 5, 0, TimeSpan.Zero),
            Requester = "nbi",
        };
        var result = new EnqueueResult([view, view with { Id = "acs-2" }], ConnectionRequestOutcome.Accepted);

        EnqueueResult back = _serializer.Deserialize<EnqueueResult>(_serializer.SerializeToArray(result))!;

        Assert.Equal(2, back.Tasks.Count);
        Assert.Equal(view, back.Tasks[0]);
        Assert.Equal("acs-2", back.Tasks[1].Id);
        Assert.Same(back.Tasks[0].Request, back.Tasks[1].Request);
        Assert.Equal(ConnectionRequestOutcome.Accepted, back.ConnectionRequest);
    }
}

/// <summary>One serializer for all the codec tests: building the type manifest takes a while.</summary>
public sealed class SerializerFixture : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddSerializer(builder => builder.AddCwmpProtocolTypes()).BuildServiceProvider();

    public Serializer Serializer => _services.GetRequiredService<Serializer>();

    public DeepCopier Copier => _services.GetRequiredService<DeepCopier>();

    public void Dispose() => _services.Dispose();
}
