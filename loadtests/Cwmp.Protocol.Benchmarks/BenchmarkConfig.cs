using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;

namespace Cwmp.Protocol.Benchmarks;

/// <summary>The default configuration plus the two figures the goals are stated in: operations per second and allocation per document byte.</summary>
public static class BenchmarkConfig
{
    public static IConfig Create() =>
        DefaultConfig.Instance.AddColumn(StatisticColumn.OperationsPerSecond, new AllocationRatioColumn());
}
