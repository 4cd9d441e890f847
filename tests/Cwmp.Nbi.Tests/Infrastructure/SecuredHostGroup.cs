namespace Cwmp.Nbi.Tests.Infrastructure;

/// <summary>One secured host for every test class that names this collection: a host start dominates a test's cost.</summary>
[CollectionDefinition(Name)]
public sealed class SecuredHostGroup : ICollectionFixture<SecuredNbiHost>
{
    public const string Name = "secured NBI host";
}
