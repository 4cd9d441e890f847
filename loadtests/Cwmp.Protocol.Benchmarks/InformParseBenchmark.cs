using BenchmarkDotNet.Attributes;

namespace Cwmp.Protocol.Benchmarks;

/// <summary>The ACS's hottest path: every session starts with an Inform.</summary>
[MemoryDiagnoser]
public class InformParseBenchmark : IDocumentBenchmark
{
    private readonly ReadOnlyMemory<byte> _body = Payloads.Inform;

    public int DocumentBytes => _body.Length;

    [Benchmark]
    public CwmpEnvelope? ParseInform() => CwmpParser.Parse(_body);
}
