namespace Cwmp.DataModel;

/// <summary>Where the BBF definitions are read from, and which files.</summary>
public sealed class DataModelSources
{
    /// <summary>The folder holding the BBF XML files; when empty, the first "shared/bbf" (or "bbf") found beside or
    /// above the application's directory or the working directory.</summary>
    public string? Folder { get; set; }

    /// <summary>TR-106's data types, shared by every model.</summary>
    public string TypesFile { get; set; } = "tr-106-types.xml";

    /// <summary>
    /// The models, in precedence order: a definition already loaded is not replaced by a later file's. Root models
    /// (Device:2, InternetGatewayDevice:1) load at their root; service models (isService) are mounted under both
    /// roots' ".Services.".
    /// </summary>
    public IList<string> ModelFiles { get; } =
    [
        "tr-181-2-17-0-cwmp-full.xml",
        "tr-098-1-8-0-full.xml",
        "tr-157-1-3-0-full.xml",
        "tr-104-2-0-2-cwmp-full.xml",
        "tr-135-1-4-1-cwmp-full.xml",
        "tr-140-1-3-1-cwmp-full.xml",
        "tr-196-2-1-2-cwmp-full.xml",
    ];
}
