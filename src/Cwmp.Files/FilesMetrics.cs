using System.Diagnostics.Metrics;

namespace Cwmp.Files;

/// <summary>The file server's instruments on the <see cref="FilesTelemetry.MeterName"/> meter.</summary>
internal sealed class FilesMetrics
{
    private readonly Counter<long> _downloads;
    private readonly Counter<long> _bytesServed;
    private readonly Counter<long> _uploads;
    private readonly Counter<long> _bytesReceived;

    public FilesMetrics(IMeterFactory meterFactory)
    {
        Meter meter = meterFactory.Create(FilesTelemetry.MeterName);
        _downloads = meter.CreateCounter<long>(FilesTelemetry.Downloads, "{request}", "File downloads (GET/HEAD /files), by outcome.");
        _bytesServed = meter.CreateCounter<long>(FilesTelemetry.BytesServed, "By", "Bytes of file content served.");
        _uploads = meter.CreateCounter<long>(FilesTelemetry.Uploads, "{request}", "CPE uploads (PUT/POST /uploads), by outcome.");
        _bytesReceived = meter.CreateCounter<long>(FilesTelemetry.BytesReceived, "By", "Bytes of CPE uploads stored.");
    }

    public void Download(string outcome, long bytes)
    {
        _downloads.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        if (bytes > 0)
        {
            _bytesServed.Add(bytes);
        }
    }

    public void Upload(string outcome, long bytes)
    {
        _uploads.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        if (bytes > 0)
        {
            _bytesReceived.Add(bytes);
        }
    }
}
