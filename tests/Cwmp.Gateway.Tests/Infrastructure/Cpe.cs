using Cwmp.Gateway.Tests.Grains;
using Cwmp.Protocol;

namespace Cwmp.Gateway.Tests.Infrastructure;

/// <summary>The requests and checks of the scripted session (Inform, empty POST, GetParameterValuesResponse).</summary>
internal static class Cpe
{
    public static string NewSerial(string prefix = "SN") => prefix + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();

    /// <summary>
    /// A loopback address of its own for a test, so that its sessions are alone at their address in the session
    /// locator (every other test connects from 127.0.0.1).
    /// </summary>
    public static System.Net.IPAddress NewLoopbackAddress() =>
        new([127, (byte)Random.Shared.Next(1, 255), (byte)Random.Shared.Next(0, 256), (byte)Random.Shared.Next(1, 255)]);

    public static CpeRequest Inform(string serial, string id = "1") => new($"the Inform of {serial}", CpeXml.Inform(serial, id));

    public static CpeRequest EmptyPost() => CpeRequest.Empty("the empty POST");

    public static CpeRequest GpvResponse() => new("the GetParameterValuesResponse", CpeXml.GetParameterValuesResponse());

    public static void AssertInformResponse(HttpReply reply, string id = "1")
    {
        Assert.True(reply.Status == 200, $"Expected 200 for the Inform, got {reply}");
        Assert.Equal("text/xml; charset=\"utf-8\"", reply.Header("Content-Type"));
        Assert.Null(reply.Header("Transfer-Encoding"));
        Assert.Equal(reply.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), reply.Header("Content-Length"));
        Assert.Equal(CwmpEnvelope.Create(CwmpVersion.Version10, id, new InformResponse(1)), reply.Envelope());
    }

    public static void AssertGetParameterValues(HttpReply reply)
    {
        Assert.True(reply.Status == 200, $"Expected 200 with GetParameterValues, got {reply}");
        Assert.Equal(
            CwmpEnvelope.Create(CwmpVersion.Version10, ScriptedDeviceGrain.GpvId, new GetParameterValues([ScriptedDeviceGrain.GpvName])),
            reply.Envelope());
    }

    public static void AssertSessionEnd(HttpReply reply)
    {
        Assert.True(reply.Status == 204, $"Expected 204 at the end of the session, got {reply}");
        Assert.Empty(reply.Body);
    }
}
