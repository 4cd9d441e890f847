using Orleans.Core.Internal;

namespace Cwmp.Grains.Tests.Infrastructure;

internal static class CpeExtensions
{
    /// <summary>Asks Orleans to deactivate the device's grain once it is idle (as activation collection would).</summary>
    public static async Task DeactivateAsync(this Cpe cpe) =>
        await cpe.Grain.AsReference<IGrainManagementExtension>().DeactivateOnIdle();
}
