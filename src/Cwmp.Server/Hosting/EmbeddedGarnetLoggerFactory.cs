namespace Cwmp.Server.Hosting;

/// <summary>
/// Garnet names its loggers "Options", "Session", "ArgParser" and so on; prefixing them with "Garnet." lets the
/// ordinary Logging:LogLevel configuration quiet or raise the embedded store as one category.
/// </summary>
internal sealed class EmbeddedGarnetLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    public const string CategoryPrefix = "Garnet.";

    public ILogger CreateLogger(string categoryName) => inner.CreateLogger(CategoryPrefix + categoryName);

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    // The host owns the inner factory; Garnet disposing its view must not tear down the host's logging.
    public void Dispose()
    {
    }
}
