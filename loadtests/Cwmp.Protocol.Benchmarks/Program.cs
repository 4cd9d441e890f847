using BenchmarkDotNet.Running;
using Cwmp.Protocol.Benchmarks;

if (args is ["--check"])
{
    return SelfCheck.Run(Console.Out);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, BenchmarkConfig.Create());
return 0;
