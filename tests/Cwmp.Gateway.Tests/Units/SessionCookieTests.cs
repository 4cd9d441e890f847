using Cwmp.Gateway.Sessions;
using Microsoft.Extensions.Primitives;

namespace Cwmp.Gateway.Tests.Units;

public sealed class SessionCookieTests
{
    [Fact]
    public void Written_with_path_and_httponly_and_secure_over_tls()
    {
        Assert.Equal("cwmp-session=00D09E-Box-SN1:abc; Path=/; HttpOnly", SessionCookie.Format("00D09E-Box-SN1", "abc", secure: false));
        Assert.Equal("cwmp-session=00D09E-Box-SN%2D1:a%20b%3Ac; Path=/; HttpOnly; Secure", SessionCookie.Format("00D09E-Box-SN%2D1", "a b:c", secure: true));
    }

    [Theory]
    [InlineData("cwmp-session=00D09E-Box-SN1:abc")]
    [InlineData("cwmp-session=00D09E-Box-SN1:abc; Path=/; HttpOnly")]
    [InlineData("other=1; cwmp-session=\"00D09E-Box-SN1:abc\"; $Path=/")]
    [InlineData("cwmp-session=00D09E-Box-SN1:old; cwmp-session=00D09E-Box-SN1:abc")]
    [InlineData("cwmp-session=00D09E-Box-SN1:abc, Path=/")]
    [InlineData("CWMP-SESSION=00D09E-Box-SN1:abc;")]
    public void Read_from_what_cpes_send_back(string header)
    {
        Assert.True(SessionCookie.TryRead(new StringValues(header), out string key, out string session));
        Assert.Equal(("00D09E-Box-SN1", "abc"), (key, session));
    }

    [Fact]
    public void Session_ids_round_trip_through_percent_encoding()
    {
        string pair = SessionCookie.Format("00D09E-Box-SN1", "ü/; ,=", secure: false).Split(';')[0];

        Assert.True(SessionCookie.TryRead(new StringValues(pair), out _, out string session));
        Assert.Equal("ü/; ,=", session);
    }

    [Theory]
    [InlineData("")]
    [InlineData("sid=abc")]
    [InlineData("cwmp-session=")]
    [InlineData("cwmp-session=no-colon")]
    [InlineData("cwmp-session=:abc")]
    [InlineData("cwmp-session=00D09E-Box-SN1:")]
    [InlineData("cwmp-session=not a key:abc")]
    [InlineData("cwmp-sessionx=00D09E-Box-SN1:abc")]
    public void Anything_else_is_no_session_cookie(string header) =>
        Assert.False(SessionCookie.TryRead(new StringValues(header), out _, out _));

    [Fact]
    public void The_last_well_formed_cookie_of_several_headers_wins()
    {
        Assert.True(SessionCookie.TryRead(new StringValues(["cwmp-session=00D09E-Box-SN1:one", "cwmp-session=broken"]), out _, out string session));
        Assert.Equal("one", session);
    }
}
