using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cwmp.Nbi.Tests.Infrastructure;

/// <summary>
/// CPE authentication on (as in production), two devices with their own passwords, Basic allowed over plain HTTP (the
/// tests have no TLS), the NBI in lab mode. The file port then accepts the devices' own credentials.
/// </summary>
public sealed class DeviceAuthenticatedHost : NbiHost
{
    public const string DeviceA = "00259E-HG8245-FPAUTH01";
    public const string PasswordA = "pw-of-device-a";
    public const string DeviceB = "00259E-HG8245-FPAUTH02";
    public const string PasswordB = "pw-of-device-b";
    public const string Realm = "Cwmp.Orleans";

    internal CapturingLoggerProvider Logs { get; } = new();

    protected override IEnumerable<string> Arguments =>
    [
        "--Cwmp:Nbi:RequireAuthentication=false",
        "--Cwmp:Auth:Required=true",
        "--Cwmp:Auth:AllowBasicWithoutTls=true",
        $"--Cwmp:Auth:Credentials:Devices:{DeviceA}={PasswordA}",
        $"--Cwmp:Auth:Credentials:Devices:{DeviceB}={PasswordB}",
    ];

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(Logs);
}
