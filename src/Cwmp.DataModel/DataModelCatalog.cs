namespace Cwmp.DataModel;

/// <summary>
/// The loaded BBF data models (Device:2, InternetGatewayDevice:1 and the service models under both roots'
/// ".Services."), looked up by generic path in a dictionary: an instance path is made generic first
/// (<see cref="DataModelPath.ToGeneric"/>), so a lookup is one string rewrite and one hash probe. Immutable and
/// thread-safe once built.
/// </summary>
public sealed class DataModelCatalog
{
    private readonly Dictionary<string, ObjectDefinition> _objects;
    private readonly Dictionary<string, ParameterDefinition> _parameters;

    internal DataModelCatalog(IReadOnlyList<ObjectDefinition> objects, IReadOnlyList<string> models, string folder, TimeSpan loadTime, int unsupportedPatterns)
    {
        _objects = objects.ToDictionary(o => o.Path, StringComparer.Ordinal);
        _parameters = new Dictionary<string, ParameterDefinition>(objects.Sum(o => o.Parameters.Count), StringComparer.Ordinal);
        foreach (ParameterDefinition parameter in objects.SelectMany(o => o.Parameters.Values))
        {
            _parameters.TryAdd(parameter.Path, parameter);
        }

        Models = models;
        Folder = folder;
        LoadTime = loadTime;
        UnsupportedPatterns = unsupportedPatterns;
    }

    /// <summary>The models loaded ("Device:2.17", "InternetGatewayDevice:1.14", "VoiceService:2.0", …).</summary>
    public IReadOnlyList<string> Models { get; }

    /// <summary>The folder the definitions were read from.</summary>
    public string Folder { get; }

    public TimeSpan LoadTime { get; }

    /// <summary>BBF patterns that .NET's regular expressions cannot read; their facets are not checked.</summary>
    public int UnsupportedPatterns { get; }

    public int ObjectCount => _objects.Count;

    public int ParameterCount => _parameters.Count;

    /// <summary>Loads the default files from <paramref name="folder"/> (or the nearest shared/bbf when null).</summary>
    public static DataModelCatalog Load(string? folder = null) => DataModelLoader.Load(new DataModelSources { Folder = folder });

    /// <summary>The parameter at an instance or generic path ("Device.WiFi.SSID.3.SSID"), or null.</summary>
    public ParameterDefinition? FindParameter(string path) =>
        _parameters.GetValueOrDefault(DataModelPath.ToGeneric(path));

    /// <summary>
    /// The object at an instance or generic path ("Device.WiFi.SSID.3." or "Device.WiFi.SSID.{i}."), or the table
    /// named without an instance ("Device.WiFi.SSID."), or null.
    /// </summary>
    public ObjectDefinition? FindObject(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string generic = DataModelPath.ToGeneric(path.EndsWith('.') ? path : path + ".");
        return _objects.GetValueOrDefault(generic) ?? _objects.GetValueOrDefault(generic + "{i}.");
    }

    /// <summary>
    /// Whether the ACS may set <paramref name="path"/> to <paramref name="value"/>: the parameter exists, is writable,
    /// and the value fits its syntax. A vendor "X_" parameter is not in the models: it passes, checked only against
    /// the type the CPE reported for it (<paramref name="reportedType"/>, "xsd:unsignedInt") when that is known.
    /// </summary>
    public ValidationResult Validate(string path, string value, string? reportedType = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(value);
        if (DataModelPath.IsVendorExtension(path))
        {
            return reportedType is null ? ValidationResult.Ok(path) : ValueValidator.ValidateReportedType(path, reportedType, value);
        }

        if (path.EndsWith('.'))
        {
            return new(path, ValidationRule.NotWritable, "The path names an object; only parameters have values.");
        }

        ParameterDefinition? definition = FindParameter(path);
        if (definition is null)
        {
            return new(path, ValidationRule.UnknownParameter, $"No loaded data model ({string.Join(", ", Models)}) defines this parameter.");
        }

        if (!definition.IsWritable)
        {
            return new(path, ValidationRule.NotWritable, $"{definition.Path} is read-only ({definition.Model}).");
        }

        return ValueValidator.Validate(path, definition.Syntax, value);
    }

    /// <summary>Whether <paramref name="path"/> names a parameter or an object of a loaded model (or a vendor extension).</summary>
    public ValidationResult ValidatePath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (DataModelPath.IsVendorExtension(path) || (path.EndsWith('.') ? FindObject(path) is not null : FindParameter(path) is not null))
        {
            return ValidationResult.Ok(path);
        }

        return new(path, ValidationRule.UnknownParameter, $"No loaded data model ({string.Join(", ", Models)}) defines this {(path.EndsWith('.') ? "object" : "parameter")}.");
    }
}
