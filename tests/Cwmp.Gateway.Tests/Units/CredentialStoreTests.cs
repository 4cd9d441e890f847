using System.Security.Cryptography;
using System.Text;
using Cwmp.Gateway.Authentication;

namespace Cwmp.Gateway.Tests.Units;

public sealed class CredentialStoreTests
{
    private static readonly CpeCredentialOptions Policy = CreatePolicy();

    [Theory]
    [InlineData("00D09E-Gateway-SN1", "own")]
    [InlineData("00D09E-Gateway-SN2", "product")]
    [InlineData("00D09E-Other-SN3", "vendor")]
    [InlineData("00D09E-SN4", "vendor")]
    [InlineData("odd user name", "odd")]
    public void Device_then_product_then_oui(string username, string password) =>
        Assert.Equal(new CpeCredential(username, password), ConfigurationCpeCredentialStore.Find(Policy, username));

    [Fact]
    public void Derived_password_is_the_hex_hmac_sha256_of_the_key()
    {
        const string Key = "A1B2C3-Box-SN%2D9";
        string expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("factory"), Encoding.UTF8.GetBytes(Key)));

        Assert.Equal(new CpeCredential(Key, expected), ConfigurationCpeCredentialStore.Find(Policy, Key));
        Assert.Equal(64, expected.Length);
    }

    [Theory]
    [InlineData("A1B2C3-Box-SN-9")]
    [InlineData("a-b-c-d")]
    [InlineData("not a key")]
    [InlineData("A1B2C3-Box-SN%2d9")]
    public void Usernames_that_are_not_canonical_keys_get_no_shared_or_derived_password(string username) =>
        Assert.Null(ConfigurationCpeCredentialStore.Find(Policy, username));

    [Fact]
    public void Without_a_derived_secret_unknown_devices_have_no_credential() =>
        Assert.Null(ConfigurationCpeCredentialStore.Find(new CpeCredentialOptions(), "00D09E-Gateway-SN1"));

    [Fact]
    public void The_password_never_shows_in_the_credentials_text() =>
        Assert.Equal("CpeCredential { DeviceKey = k }", new CpeCredential("k", "p4ss").ToString());

    private static CpeCredentialOptions CreatePolicy()
    {
        var policy = new CpeCredentialOptions { DerivedSecret = "factory" };
        policy.Devices["00D09E-Gateway-SN1"] = "own";
        policy.Devices["odd user name"] = "odd";
        policy.Products["00D09E-Gateway"] = "product";
        policy.Products["00D09E"] = "vendor";
        return policy;
    }
}
