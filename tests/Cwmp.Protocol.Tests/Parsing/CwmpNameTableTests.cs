using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol.Tests.Parsing;

/// <summary>The per-parse name table: shared atoms for CWMP names, private ones for everything else.</summary>
public sealed class CwmpNameTableTests
{
    [Fact]
    public void Known_names_are_the_shared_constants()
    {
        var table = new CwmpNameTable();

        Assert.Same(CwmpNamespaces.Cwmp10, table.Add(CwmpNamespaces.Cwmp10.ToCharArray(), 0, CwmpNamespaces.Cwmp10.Length));
        Assert.Same(CwmpNamespaces.Cwmp12, table.Get(new string(CwmpNamespaces.Cwmp12.AsSpan())));
        Assert.Same("Inform", table.Add("<Inform>".ToCharArray(), 1, 6));
    }

    [Fact]
    public void Other_names_are_atomised_within_the_table()
    {
        var table = new CwmpNameTable();
        var other = new CwmpNameTable();

        string added = table.Add("X_VENDOR_Thing".ToCharArray(), 0, 14);

        Assert.Same(added, table.Add("X_VENDOR_Thing"));
        Assert.Same(added, table.Get("X_VENDOR_Thing".ToCharArray(), 0, 14));
        Assert.Same(added, table.Get("X_VENDOR_Thing".AsSpan()));
        Assert.Null(other.Get("X_VENDOR_Thing"));
        Assert.Null(table.Get("Unseen"));
    }
}
