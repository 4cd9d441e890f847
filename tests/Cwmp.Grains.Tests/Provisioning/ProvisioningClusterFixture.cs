using Cwmp.Grains.Tests.Infrastructure;

namespace Cwmp.Grains.Tests.Provisioning;

/// <summary>
/// A silo of its own for the provisioning tests: presets are cluster-wide, so they must not reach the devices of the
/// other tests, and here a "0 BOOTSTRAP" device gets first contact and discovery.
/// </summary>
public sealed class ProvisioningClusterFixture : ClusterFixture
{
    protected override bool FirstContact => true;
}

[CollectionDefinition(Name)]
public sealed class ProvisioningClusterTests : ICollectionFixture<ProvisioningClusterFixture>
{
    public const string Name = "provisioning cluster";
}
