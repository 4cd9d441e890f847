using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Cwmp.Protocol.Benchmarks;

/// <summary>
/// Bytes allocated per operation divided by the size of the document parsed or written: the allocation budget
/// ("at most 3× the Inform's size") is stated in these terms, so the table shows it directly.
/// </summary>
public sealed class AllocationRatioColumn : IColumn
{
    public string Id => nameof(AllocationRatioColumn);

    public string ColumnName => "Alloc/Doc";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Allocated bytes per operation / bytes of the document parsed or written";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        long? allocated = summary[benchmarkCase]?.GcStats.GetBytesAllocatedPerOperation(benchmarkCase);
        if (allocated is null || Activator.CreateInstance(benchmarkCase.Descriptor.Type) is not IDocumentBenchmark document)
        {
            return "?";
        }

        double ratio = (double)allocated.Value / document.DocumentBytes;
        return string.Create(CultureInfo.InvariantCulture, $"{ratio:0.00}× of {document.DocumentBytes} B");
    }

    public override string ToString() => ColumnName;
}
