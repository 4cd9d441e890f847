using System.Xml;
using BenchmarkDotNet.Attributes;

namespace Cwmp.Protocol.Benchmarks;

/// <summary>
/// Not a goal, a yardstick: XmlReader alone reading every node of the Inform and the text of every text node, with
/// the parser's reader settings and nothing of CWMP. ParseInform cannot be faster than this.
/// </summary>
[MemoryDiagnoser]
public class XmlReaderFloorBenchmark : IDocumentBenchmark
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CheckCharacters = false,
        MaxCharactersInDocument = CwmpParserOptions.Default.MaxBodyBytes,
        MaxCharactersFromEntities = 4096,
        CloseInput = false,
    };

    private readonly byte[] _body = Payloads.Inform;

    public int DocumentBytes => _body.Length;

    [Benchmark]
    public int ReadInformWithXmlReaderOnly()
    {
        using var stream = new MemoryStream(_body, writable: false);
        using var reader = XmlReader.Create(stream, Settings);
        int characters = 0;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Text)
            {
                characters += reader.Value.Length;
            }
        }

        return characters;
    }
}
