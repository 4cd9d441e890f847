using BenchmarkDotNet.Attributes;

namespace Cwmp.Protocol.Benchmarks;

/// <summary>A large answer from a CPE: the ACS reads whole subtrees with GetParameterValues.</summary>
[MemoryDiagnoser]
public class GetParameterValuesResponseParseBenchmark : IDocumentBenchmark
{
    private readonly ReadOnlyMemory<byte> _body = Payloads.GetParameterValuesResponse;

    public int DocumentBytes => _body.Length;

    [Benchmark]
    public CwmpEnvelope? ParseGetParameterValuesResponse() => CwmpParser.Parse(_body);
}
