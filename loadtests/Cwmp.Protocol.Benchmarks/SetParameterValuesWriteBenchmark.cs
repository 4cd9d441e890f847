using System.Buffers;
using System.Globalization;
using BenchmarkDotNet.Attributes;

namespace Cwmp.Protocol.Benchmarks;

/// <summary>A provisioning step: the ACS configures Wi-Fi and management settings of a CPE in one SetParameterValues.</summary>
[MemoryDiagnoser]
public class SetParameterValuesWriteBenchmark : IDocumentBenchmark
{
    public const int ParameterCount = 50;

    private readonly ArrayBufferWriter<byte> _output = new(8 * 1024);

    public static CwmpEnvelope Envelope { get; } =
        new(CwmpNamespaces.Cwmp10, CwmpHeader.WithId("acs-7f3c1e0a-0005"), new SetParameterValues(CreateParameters(), "prov-2025-03-14#18"));

    public int DocumentBytes => CwmpWriter.WriteToArray(Envelope).Length;

    [Benchmark]
    public int WriteSetParameterValues()
    {
        _output.ResetWrittenCount();
        CwmpWriter.Write(Envelope, _output);
        return _output.WrittenCount;
    }

    /// <summary>Five access points of ten settings each: strings, booleans, unsigned integers.</summary>
    private static EquatableArray<ParameterValueStruct> CreateParameters()
    {
        var parameters = new List<ParameterValueStruct>(ParameterCount);
        for (int ap = 1; parameters.Count < ParameterCount; ap++)
        {
            string prefix = string.Create(CultureInfo.InvariantCulture, $"Device.WiFi.AccessPoint.{ap}.");
            string ssid = string.Create(CultureInfo.InvariantCulture, $"Device.WiFi.SSID.{ap}.");
            parameters.AddRange(
            [
                new(ssid + "SSID", string.Create(CultureInfo.InvariantCulture, $"Home & Garden {ap}")),
                new(ssid + "Enable", "true", "xsd:boolean"),
                new(prefix + "Enable", "true", "xsd:boolean"),
                new(prefix + "SSIDAdvertisementEnabled", ap == 1 ? "true" : "false", "xsd:boolean"),
                new(prefix + "Security.ModeEnabled", "WPA2-WPA3-Personal"),
                new(prefix + "Security.KeyPassphrase", string.Create(CultureInfo.InvariantCulture, $"correct-horse-battery-staple-{ap}")),
                new(prefix + "Security.RekeyingInterval", "3600", "xsd:unsignedInt"),
                new(prefix + "WMMEnable", "true", "xsd:boolean"),
                new(prefix + "MaxAssociatedDevices", "32", "xsd:unsignedInt"),
                new(prefix + "IsolationEnable", "false", "xsd:boolean"),
            ]);
        }

        return [.. parameters];
    }
}
