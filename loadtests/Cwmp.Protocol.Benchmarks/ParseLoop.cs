using System.Diagnostics;
using System.Globalization;

namespace Cwmp.Protocol.Benchmarks;

/// <summary>
/// <c>--loop SCENARIO WARMUP COUNT</c>: runs one scenario WARMUP times, then COUNT times, and nothing else. For
/// instruction counting under <c>valgrind --tool=callgrind</c>, which is repeatable where elapsed time on a shared
/// machine is not: the instructions of one operation are the difference between two runs with the same WARMUP and
/// different COUNTs, divided by the difference of the COUNTs (start-up, JIT and warm-up cancel out).
/// </summary>
public static class ParseLoop
{
    public static int Run(TextWriter output, string scenario, int warmUp, int count)
    {
        Func<int> operation = scenario switch
        {
            "inform" => ParseInform(),
            "floor" => new XmlReaderFloorBenchmark().ReadInformWithXmlReaderOnly,
            "gpv" => ParseGetParameterValuesResponse(),
            _ => throw new ArgumentException($"Unknown scenario '{scenario}': inform, floor or gpv.", nameof(scenario)),
        };

        int checksum = 0;
        for (int i = 0; i < warmUp; i++)
        {
            checksum += operation();
        }

        var clock = Stopwatch.StartNew();
        for (int i = 0; i < count; i++)
        {
            checksum += operation();
        }

        double microseconds = clock.Elapsed.TotalMicroseconds / Math.Max(count, 1);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{scenario}: {warmUp} warm-up + {count} operations, {microseconds:0.00} µs each (checksum {checksum})"));
        return 0;
    }

    private static Func<int> ParseInform()
    {
        var benchmark = new InformParseBenchmark();
        return () => ((Inform)benchmark.ParseInform()!.Body).ParameterList.Count;
    }

    private static Func<int> ParseGetParameterValuesResponse()
    {
        var benchmark = new GetParameterValuesResponseParseBenchmark();
        return () => ((GetParameterValuesResponse)benchmark.ParseGetParameterValuesResponse()!.Body).ParameterList.Count;
    }
}
