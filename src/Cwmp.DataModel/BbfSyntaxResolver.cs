using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Cwmp.DataModel;

/// <summary>
/// Turns a BBF <c>&lt;syntax&gt;</c> element into a <see cref="ParameterSyntax"/>, resolving named data types through
/// the file's own <c>&lt;dataType&gt;</c> definitions and then TR-106's. Facets apply from the base type up; a derived
/// type's facet of a kind (ranges, sizes, enumeration, patterns) replaces the base's facets of that kind, as a
/// restriction in XML Schema does.
/// </summary>
internal sealed class BbfSyntaxResolver
{
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(50);

    // Patterns repeat across thousands of parameters (IP addresses, MAC addresses): one Regex each.
    private readonly ConcurrentDictionary<string, Regex?> _patterns = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, XElement> _sharedTypes;

    public BbfSyntaxResolver(IReadOnlyDictionary<string, XElement> sharedTypes) => _sharedTypes = sharedTypes;

    public int UnsupportedPatterns { get; private set; }

    public ParameterSyntax Resolve(XElement syntax, IReadOnlyDictionary<string, XElement> fileTypes)
    {
        var builder = new Builder { Hidden = (bool?)syntax.Attribute("hidden") ?? false };
        ApplyContent(syntax, builder, fileTypes, depth: 0);
        return builder.Build();
    }

    private void ApplyContent(XElement element, Builder builder, IReadOnlyDictionary<string, XElement> fileTypes, int depth)
    {
        foreach (XElement child in element.Elements())
        {
            switch (child.Name.LocalName)
            {
                case "list":
                    builder.IsList = true;
                    builder.ListMinItems = ReadInt(child, "minItems") ?? builder.ListMinItems;
                    builder.ListMaxItems = ReadInt(child, "maxItems") ?? builder.ListMaxItems;
                    if (child.Elements().FirstOrDefault(e => e.Name.LocalName == "size") is { } listSize)
                    {
                        builder.ListMaxLength = ReadInt(listSize, "maxLength");
                    }

                    break;
                case "dataType":
                    // <dataType ref="X"> names a type; <dataType base="X"> is an anonymous restriction of one.
                    string name = (string?)child.Attribute("ref") ?? (string?)child.Attribute("base")
                        ?? throw new FormatException("A syntax has a dataType with neither ref nor base.");
                    builder.DataType ??= name;
                    ApplyNamed(name, builder, fileTypes, depth + 1);
                    ApplyFacets(child, builder);
                    break;
                default:
                    if (PrimitiveOf(child.Name.LocalName) is { } primitive)
                    {
                        builder.Type = primitive;
                        ApplyFacets(child, builder);
                    }

                    break;
            }
        }
    }

    private void ApplyNamed(string name, Builder builder, IReadOnlyDictionary<string, XElement> fileTypes, int depth)
    {
        if (depth > 16)
        {
            throw new FormatException($"dataType {name}: base chain deeper than 16.");
        }

        XElement definition = fileTypes.GetValueOrDefault(name) ?? _sharedTypes.GetValueOrDefault(name)
            ?? throw new FormatException($"dataType {name} is defined neither in the model's file nor in TR-106.");
        if ((string?)definition.Attribute("base") is { } baseName)
        {
            ApplyNamed(baseName, builder, fileTypes, depth + 1);
        }

        ApplyContent(definition, builder, fileTypes, depth);
        ApplyFacets(definition, builder);
    }

    private void ApplyFacets(XElement element, Builder builder)
    {
        List<XElement> facets = [.. element.Elements()];
        List<XElement> ranges = facets.FindAll(f => f.Name.LocalName == "range");
        if (ranges.Count > 0)
        {
            builder.Ranges = [.. ranges.Select(r => new ValueRange(ReadDecimal(r, "minInclusive"), ReadDecimal(r, "maxInclusive"), ReadDecimal(r, "step")))];
        }

        List<XElement> sizes = facets.FindAll(f => f.Name.LocalName == "size");
        if (sizes.Count > 0)
        {
            builder.Lengths = [.. sizes.Select(s => new LengthRange(ReadInt(s, "minLength"), ReadInt(s, "maxLength")))];
        }

        List<XElement> enumerations = facets.FindAll(f => f.Name.LocalName == "enumeration");
        if (enumerations.Count > 0)
        {
            builder.Enumeration = [.. enumerations.Select(e => (string?)e.Attribute("value") ?? string.Empty)];
            builder.ReadOnlyEnumeration = [.. enumerations.Where(e => (string?)e.Attribute("access") == "readOnly").Select(e => (string?)e.Attribute("value") ?? string.Empty)];
        }

        List<XElement> patterns = facets.FindAll(f => f.Name.LocalName == "pattern");
        if (patterns.Count > 0)
        {
            List<Regex?> compiled = [.. patterns.Select(p => Compile((string?)p.Attribute("value") ?? string.Empty))];

            // A pattern .NET cannot read would reject good values: then the patterns of this facet are not checked.
            builder.Patterns = compiled.Contains(null) ? [] : [.. compiled.OfType<Regex>()];
        }
    }

    private Regex? Compile(string pattern) => _patterns.GetOrAdd(pattern, p =>
    {
        try
        {
            return new Regex("^(?:" + p + ")$", RegexOptions.CultureInvariant, PatternTimeout);
        }
        catch (ArgumentException)
        {
            UnsupportedPatterns++;
            return null;
        }
    });

    private static PrimitiveType? PrimitiveOf(string name) => name switch
    {
        "string" => PrimitiveType.String,
        "boolean" => PrimitiveType.Boolean,
        "int" => PrimitiveType.Int,
        "unsignedInt" => PrimitiveType.UnsignedInt,
        "long" => PrimitiveType.Long,
        "unsignedLong" => PrimitiveType.UnsignedLong,
        "decimal" => PrimitiveType.Decimal,
        "dateTime" => PrimitiveType.DateTime,
        "base64" => PrimitiveType.Base64,
        "hexBinary" => PrimitiveType.HexBinary,
        _ => null,
    };

    private static int? ReadInt(XElement element, string attribute) =>
        (string?)element.Attribute(attribute) is { } text && text != "unbounded" ? int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture) : null;

    private static decimal? ReadDecimal(XElement element, string attribute) =>
        (string?)element.Attribute(attribute) is { } text ? decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture) : null;

    private sealed class Builder
    {
        public PrimitiveType? Type { get; set; }

        public string? DataType { get; set; }

        public IReadOnlyList<ValueRange> Ranges { get; set; } = [];

        public IReadOnlyList<LengthRange> Lengths { get; set; } = [];

        public IReadOnlyList<string> Enumeration { get; set; } = [];

        public IReadOnlyList<string> ReadOnlyEnumeration { get; set; } = [];

        public IReadOnlyList<Regex> Patterns { get; set; } = [];

        public bool IsList { get; set; }

        public int? ListMinItems { get; set; }

        public int? ListMaxItems { get; set; }

        public int? ListMaxLength { get; set; }

        public bool Hidden { get; init; }

        public ParameterSyntax Build() => new()
        {
            Type = Type ?? PrimitiveType.String,
            DataType = DataType,
            Ranges = Ranges,
            Lengths = Lengths,
            Enumeration = Enumeration,
            ReadOnlyEnumeration = ReadOnlyEnumeration,
            Patterns = Patterns,
            IsList = IsList,
            ListMinItems = ListMinItems,
            ListMaxItems = ListMaxItems,
            ListMaxLength = ListMaxLength,
            Hidden = Hidden,
        };
    }
}
