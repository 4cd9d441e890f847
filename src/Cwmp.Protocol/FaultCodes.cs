using System.Collections.Frozen;

namespace Cwmp.Protocol;

/// <summary>
/// The standard CWMP fault codes (TR-069 Table A.5; cwmp-1-2.xsd CPEFaultCodeType/ACSFaultCodeType, 8006 from cwmp-1-4.xsd).
/// 8800–8899 are ACS vendor codes, 9800–9899 CPE vendor codes.
/// </summary>
public static class FaultCodes
{
    // ACS faults (answers to CPE requests).
    public const int MethodNotSupported = 8000;
    public const int RequestDenied = 8001;
    public const int InternalError = 8002;
    public const int InvalidArguments = 8003;
    public const int ResourcesExceeded = 8004;
    public const int RetryRequest = 8005;
    public const int AcsVersionIncompatible = 8006;

    // CPE faults (answers to ACS requests).
    public const int CpeMethodNotSupported = 9000;
    public const int CpeRequestDenied = 9001;
    public const int CpeInternalError = 9002;
    public const int CpeInvalidArguments = 9003;
    public const int CpeResourcesExceeded = 9004;
    public const int InvalidParameterName = 9005;
    public const int InvalidParameterType = 9006;
    public const int InvalidParameterValue = 9007;
    public const int NonWritableParameter = 9008;
    public const int NotificationRequestRejected = 9009;
    public const int FileTransferFailure = 9010;
    public const int UploadFailure = 9011;
    public const int FileTransferServerAuthenticationFailure = 9012;
    public const int UnsupportedTransferProtocol = 9013;
    public const int UnableToJoinMulticastGroup = 9014;
    public const int UnableToContactFileServer = 9015;
    public const int UnableToAccessFile = 9016;
    public const int UnableToCompleteDownload = 9017;
    public const int FileCorrupted = 9018;
    public const int FileAuthenticationFailure = 9019;
    public const int DownloadOutsideTimeWindows = 9020;
    public const int CancelTransferNotPermitted = 9021;
    public const int InvalidUuidFormat = 9022;
    public const int UnknownExecutionEnvironment = 9023;
    public const int DisabledExecutionEnvironment = 9024;
    public const int DeploymentUnitExecutionEnvironmentMismatch = 9025;
    public const int DuplicateDeploymentUnit = 9026;
    public const int SystemResourcesExceeded = 9027;
    public const int UnknownDeploymentUnit = 9028;
    public const int InvalidDeploymentUnitState = 9029;
    public const int DeploymentUnitDowngradeNotPermitted = 9030;
    public const int DeploymentUnitVersionNotSpecified = 9031;
    public const int DeploymentUnitVersionExists = 9032;

    private static readonly FrozenDictionary<int, string> Texts = new Dictionary<int, string>
    {
        [MethodNotSupported] = "Method not supported",
        [RequestDenied] = "Request denied (no reason specified)",
        [InternalError] = "Internal error",
        [InvalidArguments] = "Invalid arguments",
        [ResourcesExceeded] = "Resources exceeded",
        [RetryRequest] = "Retry request",
        [AcsVersionIncompatible] = "ACS version incompatible with CPE",
        [CpeMethodNotSupported] = "Method not supported",
        [CpeRequestDenied] = "Request denied (no reason specified)",
        [CpeInternalError] = "Internal error",
        [CpeInvalidArguments] = "Invalid arguments",
        [CpeResourcesExceeded] = "Resources exceeded",
        [InvalidParameterName] = "Invalid parameter name",
        [InvalidParameterType] = "Invalid parameter type",
        [InvalidParameterValue] = "Invalid parameter value",
        [NonWritableParameter] = "Attempt to set a non-writable parameter",
        [NotificationRequestRejected] = "Notification request rejected",
        [FileTransferFailure] = "File transfer failure",
        [UploadFailure] = "Upload failure",
        [FileTransferServerAuthenticationFailure] = "File transfer server authentication failure",
        [UnsupportedTransferProtocol] = "Unsupported protocol for file transfer",
        [UnableToJoinMulticastGroup] = "File transfer failure: unable to join multicast group",
        [UnableToContactFileServer] = "File transfer failure: unable to contact file server",
        [UnableToAccessFile] = "File transfer failure: unable to access file",
        [UnableToCompleteDownload] = "File transfer failure: unable to complete download",
        [FileCorrupted] = "File transfer failure: file corrupted",
        [FileAuthenticationFailure] = "File transfer failure: file authentication failure",
        [DownloadOutsideTimeWindows] = "File transfer failure: unable to complete download within specified time windows",
        [CancelTransferNotPermitted] = "Cancelation of file transfer not permitted in current transfer state",
        [InvalidUuidFormat] = "Invalid UUID Format",
        [UnknownExecutionEnvironment] = "Unknown Execution Environment",
        [DisabledExecutionEnvironment] = "Disabled Execution Environment",
        [DeploymentUnitExecutionEnvironmentMismatch] = "Deployment Unit to Execution Environment Mismatch",
        [DuplicateDeploymentUnit] = "Duplicate Deployment Unit",
        [SystemResourcesExceeded] = "System Resources Exceeded",
        [UnknownDeploymentUnit] = "Unknown Deployment Unit",
        [InvalidDeploymentUnitState] = "Invalid Deployment Unit State",
        [DeploymentUnitDowngradeNotPermitted] = "Invalid Deployment Unit Update - Downgrade not permitted",
        [DeploymentUnitVersionNotSpecified] = "Invalid Deployment Unit Update - Version not specified",
        [DeploymentUnitVersionExists] = "Invalid Deployment Unit Update - Version already exists",
    }.ToFrozenDictionary();

    /// <summary>Every standard code with its text.</summary>
    public static IReadOnlyDictionary<int, string> All => Texts;

    /// <summary>The standard text of a code; a generic text for vendor and reserved codes.</summary>
    public static string Describe(int faultCode) =>
        Texts.TryGetValue(faultCode, out string? text) ? text
        : IsVendor(faultCode) ? "Vendor-specific fault"
        : "Unknown fault";

    /// <summary>8800–8899 (ACS vendor) and 9800–9899 (CPE vendor).</summary>
    public static bool IsVendor(int faultCode) => faultCode is >= 8800 and <= 8899 or >= 9800 and <= 9899;

    /// <summary>
    /// The first CWMP version whose schema admits the code: 1.0 lists 8000–8005, 9000–9013 and the vendor ranges;
    /// 1.1 opened 8006–8799 and 9014–9799.
    /// </summary>
    public static CwmpVersion MinimumVersion(int faultCode) =>
        faultCode is >= 8000 and <= 8005 or >= 9000 and <= 9013 || IsVendor(faultCode) ? CwmpVersion.Version10 : CwmpVersion.Version11;

    /// <summary>True for codes an ACS sends (8000–8999).</summary>
    public static bool IsAcsFault(int faultCode) => faultCode is >= 8000 and <= 8999;

    /// <summary>
    /// The SOAP faultcode that goes with a CWMP code (TR-069 Tables A.4/A.5): "Client" when the request itself
    /// was wrong (bad arguments, names, types or values), "Server" when the receiver could not carry out a valid one.
    /// </summary>
    public static string SoapFaultCodeFor(int faultCode) => faultCode switch
    {
        InvalidArguments or CpeInvalidArguments or InvalidParameterName or InvalidParameterType
            or InvalidParameterValue or NonWritableParameter or InvalidUuidFormat => SoapFaultCodes.Client,
        _ => SoapFaultCodes.Server,
    };
}

/// <summary>The two SOAP faultcode values CWMP uses.</summary>
public static class SoapFaultCodes
{
    public const string Client = "Client";
    public const string Server = "Server";
}
