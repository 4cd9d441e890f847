using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;

namespace Cwmp.Protocol.Benchmarks;

/// <summary>
/// The default configuration plus the figures the goals are stated in: operations per second and allocation per
/// document byte. Min is shown too: on a machine shared with other work, the fastest iteration is the one least
/// slowed by the neighbours, and the closest to what one core can do.
/// </summary>
public static class BenchmarkConfig
{
    public static IConfig Create() =>
        DefaultConfig.Instance.AddColumn(StatisticColumn.Min, StatisticColumn.OperationsPerSecond, new AllocationRatioColumn());
}
