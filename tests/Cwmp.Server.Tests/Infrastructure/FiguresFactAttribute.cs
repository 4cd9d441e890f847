namespace Cwmp.Server.Tests.Infrastructure;

/// <summary>
/// A measurement rather than a check: it takes minutes, so it runs only when asked for with CWMP_FIGURES=1
/// (see docs/decisions/0002-embedded-garnet.md for the command).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class FiguresFactAttribute : FactAttribute
{
    public FiguresFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("CWMP_FIGURES") != "1")
        {
            Skip = "Measurement; run with CWMP_FIGURES=1.";
        }
    }
}

/// <summary>The <see cref="FiguresFactAttribute"/> of a measurement run once per variant.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class FiguresTheoryAttribute : TheoryAttribute
{
    public FiguresTheoryAttribute()
    {
        if (Environment.GetEnvironmentVariable("CWMP_FIGURES") != "1")
        {
            Skip = "Measurement; run with CWMP_FIGURES=1.";
        }
    }
}
