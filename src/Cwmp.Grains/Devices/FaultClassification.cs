using Cwmp.Protocol;

namespace Cwmp.Grains.Devices;

/// <summary>
/// Which CPE faults are worth sending the same request again for (checklist §3). Retryable: the CPE could not do it
/// now (9001 denied without reason, 9002 internal error, 9004 resources, 9027 system resources) or the transfer failed
/// on the way (9010–9020 except 9013). Permanent: the request itself is wrong for this CPE (9000 method, 9003
/// arguments, 9005–9009 names, types, values, writability, notification), 9013 (the protocol of the URL is not
/// supported, so a resend fails the same way), the deployment-unit faults and everything unknown.
/// </summary>
internal static class FaultClassification
{
    public static bool IsRetryable(int faultCode) => faultCode switch
    {
        FaultCodes.CpeRequestDenied or FaultCodes.CpeInternalError or FaultCodes.CpeResourcesExceeded => true,
        FaultCodes.UnsupportedTransferProtocol => false,
        >= FaultCodes.FileTransferFailure and <= FaultCodes.DownloadOutsideTimeWindows => true,
        FaultCodes.SystemResourcesExceeded => true,
        FaultCodes.RetryRequest => true,
        _ => false,
    };
}
