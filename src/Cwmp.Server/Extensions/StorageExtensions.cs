using Cwmp.Server.Configuration;
using Cwmp.Server.Hosting;

namespace Cwmp.Server.Extensions;

internal static class StorageExtensions
{
    /// <summary>
    /// Resolves the Redis endpoint for the Orleans providers. In embedded mode it also registers Garnet's hosted
    /// services, which must come before Orleans so that the store starts first and stops last.
    /// </summary>
    public static StorageConnection AddCwmpStorage(this WebApplicationBuilder builder, StorageOptions storage, ServerRoles roles)
    {
        switch (storage.Mode)
        {
            case StorageMode.Redis:
                if (string.IsNullOrWhiteSpace(storage.ConnectionString))
                {
                    throw new InvalidOperationException(
                        $"{StorageOptions.SectionName}:Mode is Redis but {StorageOptions.SectionName}:ConnectionString is empty.");
                }

                return new StorageConnection(storage.ConnectionString);

            case StorageMode.Embedded:
                if (!roles.HasFlag(ServerRoles.Silo))
                {
                    throw new InvalidOperationException(
                        $"Cwmp:Roles has no Silo, so this process runs no embedded store; a gateway-only process needs {StorageOptions.SectionName}:Mode=Redis and the cluster's ConnectionString.");
                }

                var settings = new EmbeddedGarnetSettings(
                    Path.GetFullPath(storage.DataDirectory),
                    storage.EmbeddedPort == 0 ? LoopbackPort.FindFree() : storage.EmbeddedPort,
                    storage.CheckpointInterval,
                    storage.AofCommitWait,
                    storage.IndexSize);
                builder.Services.AddSingleton(settings);
                builder.Services.AddSingleton<EmbeddedGarnetServer>();
                builder.Services.AddSingleton<IGarnetCheckpointer>(sp => sp.GetRequiredService<EmbeddedGarnetServer>());
                builder.Services.AddHostedService(sp => sp.GetRequiredService<EmbeddedGarnetServer>());
                builder.Services.AddHostedService<EmbeddedGarnetCheckpointService>();
                return new StorageConnection(settings.ConnectionString);

            default:
                throw new InvalidOperationException($"{StorageOptions.SectionName}:Mode '{storage.Mode}' is not Embedded or Redis.");
        }
    }
}
