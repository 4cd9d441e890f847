namespace Cwmp.Protocol.Tests;

public sealed class FaultCodeTests
{
    [Fact]
    public void Every_standard_code_has_its_text()
    {
        int[] expected = [.. Enumerable.Range(8000, 7), .. Enumerable.Range(9000, 33)];

        Assert.Equal(expected, FaultCodes.All.Keys.Order().ToArray());
        Assert.Equal("Invalid parameter name", FaultCodes.Describe(9005));
        Assert.Equal("Retry request", FaultCodes.Describe(8005));
        Assert.Equal("Vendor-specific fault", FaultCodes.Describe(9850));
        Assert.Equal("Unknown fault", FaultCodes.Describe(9500));
    }

    [Theory]
    [InlineData(8003, "Client")]
    [InlineData(9003, "Client")]
    [InlineData(9005, "Client")]
    [InlineData(9008, "Client")]
    [InlineData(8000, "Server")]
    [InlineData(8005, "Server")]
    [InlineData(9002, "Server")]
    [InlineData(9010, "Server")]
    public void Soap_fault_code_follows_who_was_at_fault(int code, string expected)
    {
        Assert.Equal(expected, FaultCodes.SoapFaultCodeFor(code));
        Assert.Equal(expected, CwmpFault.Create(code).SoapFaultCode);
    }

    [Theory]
    [InlineData(8005, "1.0")]
    [InlineData(9013, "1.0")]
    [InlineData(9899, "1.0")]
    [InlineData(8006, "1.1")]
    [InlineData(9019, "1.1")]
    [InlineData(9032, "1.1")]
    public void Minimum_version_follows_the_schemas(int code, string version)
    {
        Assert.Equal(version, FaultCodes.MinimumVersion(code).ToString());
    }
}
