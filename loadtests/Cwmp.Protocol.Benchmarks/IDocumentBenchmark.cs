namespace Cwmp.Protocol.Benchmarks;

/// <summary>
/// A benchmark over one document: the document it parses, or the one it writes. Its size is what the allocation
/// budget is measured against (see <see cref="AllocationRatioColumn"/>).
/// </summary>
public interface IDocumentBenchmark
{
    int DocumentBytes { get; }
}
