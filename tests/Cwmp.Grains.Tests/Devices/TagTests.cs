using Cwmp.Grains.Tests.Infrastructure;

namespace Cwmp.Grains.Tests.Devices;

/// <summary>Operator tags on a device: stored, sorted, validated, survive reactivation.</summary>
[Collection(ClusterTests.Name)]
public sealed class TagTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Tags_are_added_removed_sorted_and_shown_in_the_summary()
    {
        var cpe = new Cpe(fixture, "T-TAGS");
        await cpe.InformAsync();

        IReadOnlyList<string> afterAdd = await cpe.Grain.UpdateTagsAsync(new TagChange(["region:north", "beta", "beta"], []));
        IReadOnlyList<string> afterRemove = await cpe.Grain.UpdateTagsAsync(new TagChange(["vip"], ["beta", "unknown"]));

        Assert.Equal(["beta", "region:north"], afterAdd);
        Assert.Equal(["region:north", "vip"], afterRemove);
        Assert.Equal(["region:north", "vip"], (await cpe.Grain.GetSummaryAsync())!.Tags);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("semi;colon")]
    public async Task An_invalid_tag_is_refused_and_nothing_changes(string tag)
    {
        var cpe = new Cpe(fixture, "T-BAD-" + tag.Length);
        await cpe.InformAsync();
        await cpe.Grain.UpdateTagsAsync(new TagChange(["kept"], []));

        await Assert.ThrowsAsync<ArgumentException>(() => cpe.Grain.UpdateTagsAsync(new TagChange(["ok", tag], [])));

        Assert.Equal(["kept"], (await cpe.Grain.GetSummaryAsync())!.Tags);
    }

    [Fact]
    public async Task A_device_that_never_informed_has_no_tags_to_change()
    {
        var cpe = new Cpe(fixture, "T-UNKNOWN");

        await Assert.ThrowsAsync<InvalidOperationException>(() => cpe.Grain.UpdateTagsAsync(new TagChange(["x"], [])));
    }
}
