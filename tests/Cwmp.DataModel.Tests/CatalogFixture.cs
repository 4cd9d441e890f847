namespace Cwmp.DataModel.Tests;

/// <summary>The catalog loaded once from the shared/bbf folder found above the test directory.</summary>
public sealed class CatalogFixture
{
    public DataModelCatalog Catalog { get; } = DataModelCatalog.Load();
}
