using System.Diagnostics;
using Xunit.Abstractions;

namespace Cwmp.DataModel.Tests;

public sealed class LoadingTests(CatalogFixture fixture, ITestOutputHelper output) : IClassFixture<CatalogFixture>
{
    private readonly DataModelCatalog _catalog = fixture.Catalog;

    [Fact]
    public void Every_configured_model_is_loaded_and_TR106_Device1_is_not()
    {
        Assert.Equal(
            ["Device:2.17", "InternetGatewayDevice:1.14", "InternetGatewayDevice:1.8", "VoiceService:2.0", "STBService:1.4", "StorageService:1.3", "FAPService:2.1"],
            _catalog.Models);
        Assert.EndsWith(Path.Combine("shared", "bbf"), _catalog.Folder, StringComparison.Ordinal);
    }

    [Fact]
    public void Both_roots_and_their_service_mounts_hold_objects()
    {
        Assert.NotNull(_catalog.FindObject("Device."));
        Assert.NotNull(_catalog.FindObject("InternetGatewayDevice."));
        foreach (string service in new[] { "VoiceService", "STBService", "StorageService", "FAPService" })
        {
            Assert.True(_catalog.FindObject($"Device.Services.{service}.1.")?.IsMultiInstance, service);
            Assert.True(_catalog.FindObject($"InternetGatewayDevice.Services.{service}.1.")?.IsMultiInstance, service);
        }
    }

    [Fact]
    public void A_configured_folder_that_does_not_exist_is_refused_by_name()
    {
        var e = Assert.Throws<DirectoryNotFoundException>(() => DataModelCatalog.Load("/nonexistent/bbf"));
        Assert.Equal("The configured BBF data-model folder /nonexistent/bbf does not exist.", e.Message);
    }

    [Fact]
    public void A_missing_model_file_is_refused_by_name()
    {
        var sources = new DataModelSources { Folder = _catalog.Folder };
        sources.ModelFiles.Add("tr-999-missing.xml");
        var e = Assert.Throws<FileNotFoundException>(() => DataModelLoader.Load(sources));
        Assert.Equal($"The BBF data-model file {Path.Combine(_catalog.Folder, "tr-999-missing.xml")} does not exist.", e.Message);
    }

    /// <summary>The figures in docs/provisioning.md: load time and retained memory of a fresh load.</summary>
    [Fact]
    public void Load_time_and_retained_memory_are_reported()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        long before = GC.GetTotalMemory(forceFullCollection: true);
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        DataModelCatalog catalog = DataModelCatalog.Load(_catalog.Folder);
        watch.Stop();
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        long retained = GC.GetTotalMemory(forceFullCollection: true) - before;
        GC.KeepAlive(catalog);
        output.WriteLine($"load {watch.ElapsedMilliseconds} ms, {catalog.ObjectCount} objects, {catalog.ParameterCount} parameters, retained {retained / 1024 / 1024.0:F1} MiB, allocated {allocated / 1024 / 1024.0:F1} MiB, unsupported patterns {catalog.UnsupportedPatterns}");
        Assert.Equal(_catalog.ParameterCount, catalog.ParameterCount);
        Assert.True(catalog.ParameterCount > 10_000, $"{catalog.ParameterCount} parameters");
    }
}
