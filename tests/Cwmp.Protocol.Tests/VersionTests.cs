namespace Cwmp.Protocol.Tests;

public sealed class VersionTests
{
    [Theory]
    [InlineData("1.0,1.1,1.2,1.3,1.4", "urn:dslforum-org:cwmp-1-2", "1.4")]
    [InlineData("1.0, 1.2 ,1.3", "urn:dslforum-org:cwmp-1-2", "1.3")]
    [InlineData("1.2,1.4,1.9", "urn:dslforum-org:cwmp-1-2", "1.4")]
    [InlineData(null, "urn:dslforum-org:cwmp-1-0", "1.0")]
    [InlineData(null, "urn:dslforum-org:cwmp-1-1", "1.1")]
    [InlineData("", "urn:dslforum-org:cwmp-1-2", "1.2")]
    [InlineData(null, "urn:dslforum-org:cwmp-1-4", "1.4")]
    [InlineData(null, "urn:dslforum-org:cwmp-1-7", "1.4")]
    public void Highest_common_version_is_chosen(string? supported, string ns, string expected)
    {
        Assert.True(CwmpVersionNegotiation.TryNegotiate(supported, ns, null, out CwmpVersion version));
        Assert.Equal(expected, version.ToString());
    }

    [Fact]
    public void No_common_version_means_fault_8006()
    {
        Assert.False(CwmpVersionNegotiation.TryNegotiate("2.0,2.1", CwmpNamespaces.Cwmp12, null, out _));
        CwmpFault fault = CwmpVersionNegotiation.IncompatibleFault();
        Assert.Equal(8006, fault.FaultCode);
        Assert.Equal("ACS version incompatible with CPE", fault.FaultString);
    }

    [Fact]
    public void Acs_limits_are_respected()
    {
        Assert.True(CwmpVersionNegotiation.TryNegotiate("1.0,1.1,1.2,1.3,1.4", CwmpNamespaces.Cwmp12, [CwmpVersion.Version10, CwmpVersion.Version12], out CwmpVersion version));
        Assert.Equal(CwmpVersion.Version12, version);
    }

    [Theory]
    [InlineData("urn:dslforum-org:cwmp-1-0", true)]
    [InlineData("urn:dslforum-org:cwmp-1-4", true)]
    [InlineData("urn:dslforum-org:cwmp-1-", false)]
    [InlineData("urn:dslforum-org:cwmp-1-x", false)]
    [InlineData("http://schemas.xmlsoap.org/soap/envelope/", false)]
    public void Cwmp_namespaces_are_recognised(string ns, bool expected)
    {
        Assert.Equal(expected, CwmpNamespaces.IsCwmp(ns));
    }

    [Fact]
    public void Each_version_uses_its_schema_namespace()
    {
        Assert.Equal(
            [CwmpNamespaces.Cwmp10, CwmpNamespaces.Cwmp11, CwmpNamespaces.Cwmp12, CwmpNamespaces.Cwmp12, CwmpNamespaces.Cwmp12],
            CwmpVersion.All.Select(v => v.NamespaceUri).ToArray());
    }
}
