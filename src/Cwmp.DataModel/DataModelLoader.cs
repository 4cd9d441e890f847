using System.Diagnostics;
using System.Xml;
using System.Xml.Linq;

namespace Cwmp.DataModel;

/// <summary>
/// Reads the BBF "full" XML definitions (cwmp-datamodel schema) into a <see cref="DataModelCatalog"/>. The files are
/// streamed: one top-level dataType or one object element is in memory as a tree at a time, never a whole document.
/// Descriptions, profiles, bibliographies and components are skipped; "deleted" definitions are not loaded.
/// </summary>
public static class DataModelLoader
{
    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        // tr-106-types.xml declares internal entities (&dot; …) in a DOCTYPE: they are expanded, nothing external is
        // ever fetched (no resolver), and entity expansion is bounded.
        DtdProcessing = DtdProcessing.Parse,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024 * 1024,
        IgnoreComments = true,
        IgnoreWhitespace = true,
    };

    private static readonly string[] ServiceMounts = ["Device.Services.", "InternetGatewayDevice.Services."];

    public static DataModelCatalog Load(DataModelSources sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        long started = Stopwatch.GetTimestamp();
        string folder = BbfFolder.Resolve(sources.Folder);
        Dictionary<string, XElement> sharedTypes = ReadFile(Path.Combine(folder, sources.TypesFile), onModel: null);
        var resolver = new BbfSyntaxResolver(sharedTypes);
        var objects = new Dictionary<string, ObjectBuilder>(StringComparer.Ordinal);
        var models = new List<string>();
        foreach (string file in sources.ModelFiles)
        {
            ReadFile(Path.Combine(folder, file), onModel: (model, isService, objectElement, types) =>
            {
                if (model.StartsWith("Device:1.", StringComparison.Ordinal))
                {
                    // TR-106 Device:1 shares the "Device." root with Device:2; Device:2 is the one loaded (ADR 0006).
                    return false;
                }

                if (!models.Contains(model))
                {
                    models.Add(model);
                }

                AddObject(objectElement, model, isService, types, resolver, objects);
                return true;
            });
        }

        var catalog = new DataModelCatalog(
            objects.Values.Select(o => o.Build()).ToList(),
            models,
            folder,
            Stopwatch.GetElapsedTime(started),
            resolver.UnsupportedPatterns);
        return catalog;
    }

    private static void AddObject(
        XElement element, string model, bool isService, IReadOnlyDictionary<string, XElement> fileTypes, BbfSyntaxResolver resolver,
        Dictionary<string, ObjectBuilder> objects)
    {
        if ((string?)element.Attribute("status") == "deleted")
        {
            return;
        }

        string name = (string?)element.Attribute("name") ?? throw new FormatException($"{model}: an object without a name.");
        IEnumerable<string> paths = isService ? ServiceMounts.Select(m => m + name) : [name];
        List<IReadOnlyList<string>> keys =
        [
            .. element.Elements().Where(e => e.Name.LocalName == "uniqueKey")
                .Select(k => (IReadOnlyList<string>)[.. k.Elements().Select(p => (string?)p.Attribute("ref") ?? string.Empty)]),
        ];
        List<(string Name, ParameterAccess Access, string Status, ParameterSyntax Syntax)> parameters = [];
        foreach (XElement parameter in element.Elements().Where(e => e.Name.LocalName == "parameter"))
        {
            string status = (string?)parameter.Attribute("status") ?? "current";
            if (status == "deleted" || parameter.Elements().FirstOrDefault(e => e.Name.LocalName == "syntax") is not { } syntax)
            {
                continue;
            }

            string parameterName = (string?)parameter.Attribute("name") ?? throw new FormatException($"{model} {name}: a parameter without a name.");
            parameters.Add((parameterName, ParseAccess((string?)parameter.Attribute("access")), status, resolver.Resolve(syntax, fileTypes)));
        }

        foreach (string path in paths)
        {
            if (!objects.TryGetValue(path, out ObjectBuilder? builder))
            {
                builder = new ObjectBuilder
                {
                    Path = path,
                    Model = model,
                    IsWritable = (string?)element.Attribute("access") == "readWrite",
                    MinEntries = ReadCount((string?)element.Attribute("minEntries")) ?? 0,
                    MaxEntries = ReadCount((string?)element.Attribute("maxEntries")),
                    UniqueKeys = keys,
                };
                objects.Add(path, builder);
            }

            foreach ((string parameterName, ParameterAccess access, string status, ParameterSyntax parameterSyntax) in parameters)
            {
                // The first model that defines a parameter keeps it (ModelFiles is in precedence order).
                builder.Parameters.TryAdd(parameterName, new ParameterDefinition
                {
                    Path = path + parameterName,
                    Name = parameterName,
                    Access = access,
                    Status = status,
                    Syntax = parameterSyntax,
                    Model = model,
                });
            }
        }
    }

    /// <summary>
    /// Streams one file: returns its top-level dataTypes and hands each object of each model to
    /// <paramref name="onModel"/> (model name, isService, the object, the file's dataTypes).
    /// </summary>
    private static Dictionary<string, XElement> ReadFile(string file, Func<string, bool, XElement, IReadOnlyDictionary<string, XElement>, bool>? onModel)
    {
        if (!File.Exists(file))
        {
            throw new FileNotFoundException($"The BBF data-model file {file} does not exist.", file);
        }

        var types = new Dictionary<string, XElement>(StringComparer.Ordinal);
        using XmlReader reader = XmlReader.Create(file, ReaderSettings);
        reader.MoveToContent();
        if (!reader.Read())
        {
            return types;
        }

        while (!reader.EOF)
        {
            if (reader.NodeType != XmlNodeType.Element || reader.Depth != 1)
            {
                reader.Read();
                continue;
            }

            switch (reader.LocalName)
            {
                case "dataType":
                    var dataType = (XElement)XNode.ReadFrom(reader);
                    if ((string?)dataType.Attribute("name") is { } typeName)
                    {
                        types.TryAdd(typeName, StripDescriptions(dataType));
                    }

                    break;
                case "model" when onModel is not null:
                    ReadModel(reader, types, onModel);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return types;
    }

    private static void ReadModel(XmlReader reader, Dictionary<string, XElement> types, Func<string, bool, XElement, IReadOnlyDictionary<string, XElement>, bool> onModel)
    {
        string model = reader.GetAttribute("name") ?? throw new FormatException("A model without a name.");
        bool isService = reader.GetAttribute("isService") == "true";
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return;
        }

        int depth = reader.Depth;
        reader.Read();
        while (!reader.EOF && !(reader.Depth == depth && reader.NodeType == XmlNodeType.EndElement))
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Depth == depth + 1 && reader.LocalName == "object")
            {
                var element = (XElement)XNode.ReadFrom(reader);
                if (!onModel(model, isService, element, types))
                {
                    // The whole model is skipped.
                    while (!reader.EOF && !(reader.Depth == depth && reader.NodeType == XmlNodeType.EndElement))
                    {
                        reader.Skip();
                    }

                    break;
                }
            }
            else if (reader.NodeType == XmlNodeType.Element)
            {
                reader.Skip();
            }
            else
            {
                reader.Read();
            }
        }

        reader.Read();
    }

    private static XElement StripDescriptions(XElement element)
    {
        element.Descendants().Where(e => e.Name.LocalName == "description").Remove();
        return element;
    }

    private static ParameterAccess ParseAccess(string? access) => access switch
    {
        "readWrite" => ParameterAccess.ReadWrite,
        "writeOnceReadOnly" => ParameterAccess.WriteOnceReadOnly,
        _ => ParameterAccess.ReadOnly,
    };

    private static int? ReadCount(string? text) =>
        text is null or "unbounded" ? null : int.Parse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture);

    private sealed class ObjectBuilder
    {
        public required string Path { get; init; }

        public required string Model { get; init; }

        public required bool IsWritable { get; init; }

        public int MinEntries { get; init; }

        public int? MaxEntries { get; init; }

        public required IReadOnlyList<IReadOnlyList<string>> UniqueKeys { get; init; }

        public Dictionary<string, ParameterDefinition> Parameters { get; } = new(StringComparer.Ordinal);

        public ObjectDefinition Build() => new()
        {
            Path = Path,
            Model = Model,
            IsWritable = IsWritable,
            MinEntries = MinEntries,
            MaxEntries = MaxEntries,
            UniqueKeys = UniqueKeys,
            Parameters = Parameters,
        };
    }
}
