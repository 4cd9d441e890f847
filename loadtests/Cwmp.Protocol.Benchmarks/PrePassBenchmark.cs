using BenchmarkDotNet.Attributes;
using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol.Benchmarks;

/// <summary>The passes over the raw body that run before XmlReader (hostile-input limits, control bytes).</summary>
[MemoryDiagnoser]
public class PrePassBenchmark : IDocumentBenchmark
{
    private readonly ReadOnlyMemory<byte> _body = Payloads.Inform;

    public int DocumentBytes => _body.Length;

    [Benchmark]
    public void MarkupLimitsOnInform() => MarkupLimits.Check(_body.Span, null, CwmpParserOptions.Default);

    [Benchmark]
    public bool RawControlBytesOnInform() => RawControlBytes.TryRemove(_body, null, out _);
}
