namespace Cwmp.Server.Hosting;

/// <summary>Takes a durable checkpoint of the embedded store, which also lets it truncate its AOF.</summary>
internal interface IGarnetCheckpointer
{
    Task CheckpointAsync(CancellationToken cancellationToken);
}
