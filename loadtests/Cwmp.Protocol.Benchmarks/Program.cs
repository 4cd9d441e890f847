using System.Globalization;
using BenchmarkDotNet.Running;
using Cwmp.Protocol.Benchmarks;

if (args is ["--check"])
{
    return SelfCheck.Run(Console.Out);
}

if (args is ["--loop", string scenario, string warmUp, string count])
{
    return ParseLoop.Run(Console.Out, scenario, int.Parse(warmUp, CultureInfo.InvariantCulture), int.Parse(count, CultureInfo.InvariantCulture));
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, BenchmarkConfig.Create());
return 0;
