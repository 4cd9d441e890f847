using System.Buffers;
using BenchmarkDotNet.Attributes;

namespace Cwmp.Protocol.Benchmarks;

/// <summary>The answer to every Inform, written into a buffer that is reused as a server would reuse its output pipe.</summary>
[MemoryDiagnoser]
public class InformResponseWriteBenchmark : IDocumentBenchmark
{
    private readonly ArrayBufferWriter<byte> _output = new(1024);

    public static CwmpEnvelope Envelope { get; } =
        new(CwmpNamespaces.Cwmp10, CwmpHeader.WithId("1742-0017F3-000012"), new InformResponse());

    public int DocumentBytes => CwmpWriter.WriteToArray(Envelope).Length;

    [Benchmark]
    public int WriteInformResponse()
    {
        _output.ResetWrittenCount();
        CwmpWriter.Write(Envelope, _output);
        return _output.WrittenCount;
    }
}
