using System.Diagnostics;
using System.Text;
using Cwmp.Protocol;
using Xunit.Abstractions;

namespace Cwmp.Protocol.Tests;

/// <summary>
/// Mutation fuzzing of the parser with a fixed seed: valid envelopes, broken at random (bit flips, deletions,
/// insertions, duplicated ranges, truncation, splices, markup and entity fragments, deep nesting, odd numbers, times
/// and types in place of values), parsed and stream-parsed with default, strict and tiny-limit options and several
/// charsets, for <see cref="MaxIterations"/> inputs or <see cref="Budget"/>, whichever ends first. Every parse must return (an envelope or null, for an empty POST) or throw
/// <see cref="CwmpParseException"/>; any other exception fails the test with the input in base64 to replay it.
/// </summary>
public sealed class ParserFuzzTests(ITestOutputHelper output)
{
    private const int Seed = 20_251_125;
    private const int MaxIterations = 20_000;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(20);

    private static readonly byte[][] Fragments =
    [
        "<"u8.ToArray(), "&"u8.ToArray(), ">"u8.ToArray(), "</"u8.ToArray(), "/>"u8.ToArray(), "\""u8.ToArray(), "'"u8.ToArray(),
        "="u8.ToArray(), ":"u8.ToArray(), "&amp;"u8.ToArray(), "&#1;"u8.ToArray(), "&#x10FFFF;"u8.ToArray(), "&#xD800;"u8.ToArray(),
        "&lol;"u8.ToArray(), "<!DOCTYPE"u8.ToArray(), "<!DOCTYPE x [<!ENTITY a \"b\">]>"u8.ToArray(), "<!ENTITY % p SYSTEM \"file:///etc/passwd\">"u8.ToArray(),
        "<![CDATA["u8.ToArray(), "]]>"u8.ToArray(), "<!--"u8.ToArray(), "-->"u8.ToArray(), "<?xml version=\"1.0\" encoding=\"UTF-16\"?>"u8.ToArray(),
        "<?pi x?>"u8.ToArray(), "xmlns:cwmp=\"urn:dslforum-org:cwmp-1-9\""u8.ToArray(), "xmlns=\"urn:other\""u8.ToArray(),
        "xsi:type=\"foo:bar\""u8.ToArray(), "<soap-env:Body>"u8.ToArray(), "</soap-env:Body>"u8.ToArray(), "<cwmp:ID>x</cwmp:ID>"u8.ToArray(),
        "<soap-env:Fault>"u8.ToArray(), "<FaultCode>abc</FaultCode>"u8.ToArray(), "<MaxEnvelopes>-1</MaxEnvelopes>"u8.ToArray(),
        "<CurrentTime>9999-99-99T99:99:99</CurrentTime>"u8.ToArray(), "\u0001"u8.ToArray(), [0x00], [0xFF, 0xFE], [0xFE, 0xFF], [0xEF, 0xBB, 0xBF],
        [0xC3], [0xED, 0xA0, 0x80], [0xEF, 0xBF, 0xBE],
    ];

    // Values that stress the readers of numbers, booleans, times and types rather than the XML syntax.
    private static readonly string[] Values =
    [
        "", " ", "-1", "0", "+7", "4294967296", "-2147483649", "9223372036854775808", "1e10", "0x10", "NaN", " 1 ", "TRUE", "yes",
        "9999-12-31T23:59:59Z", "0001-01-01T00:00:00-14:00", "0001-01-01T00:00:00+14:00", "2025-02-30T25:61:61Z", "1970-01-01",
        "xsd:", ":", "foo:bar", "cwmp:ParameterValueStruct[-1]", "cwmp:ParameterValueStruct[99999999999]", "\u00e9\u00e8", "\uD83D\uDE00",
    ];

    [Fact]
    public async Task Mutated_envelopes_parse_or_fail_with_a_CwmpParseException()
    {
        byte[][] corpus = Corpus();
        var random = new Random(Seed);
        var outcomes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        int iterations = 0;
        for (; iterations < MaxIterations && clock.Elapsed < Budget; iterations++)
        {
            byte[] input = Mutate(corpus[random.Next(corpus.Length)], corpus, random);
            (string name, CwmpParserOptions options) = PickOptions(random);
            Encoding? charset = random.Next(8) switch
            {
                0 => Encoding.Latin1,
                1 => Encoding.Unicode,
                2 => Encoding.UTF8,
                _ => null,
            };
            bool streamed = random.Next(4) == 0;

            string outcome;
            try
            {
                CwmpEnvelope? envelope = streamed
                    ? await CwmpParser.ParseAsync(new MemoryStream(input, writable: false), options, charset)
                    : CwmpParser.Parse(input, options, charset);
                outcome = envelope is null ? "null" : envelope.Body.GetType().Name;
            }
            catch (CwmpParseException e)
            {
                Assert.True(e.HttpStatus is 400 or 413, $"HTTP status {e.HttpStatus} for {e.Error}");
                outcome = e.Error.ToString();
            }
            catch (Exception e)
            {
                Assert.Fail($"""
                    Iteration {iterations} ({(streamed ? "ParseAsync" : "Parse")}, options {name}, charset {charset?.WebName ?? "none"}) threw {e.GetType().Name}: {e.Message}
                    Input (base64): {Convert.ToBase64String(input)}
                    {e}
                    """);
                throw;
            }

            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        output.WriteLine($"{iterations} mutated inputs in {clock.Elapsed.TotalSeconds:F1} s (seed {Seed}).");
        foreach ((string outcome, int count) in outcomes)
        {
            output.WriteLine($"  {outcome}: {count}");
        }

        // The mutations must reach both sides: some inputs still parse, others are refused.
        Assert.Contains(outcomes.Keys, k => k is "Inform" or "CwmpFault" or "GetRPCMethodsResponse" or "GetRPCMethods");
        Assert.Contains(nameof(CwmpParseError.MalformedXml), outcomes.Keys);
    }

    private static byte[][] Corpus()
    {
        var inform = new Inform(
            new DeviceIdStruct("Exämple Networks", "00D09E", "HGW-2000", "SN0123456789"),
            [new EventStruct(EventCodes.Boot), new EventStruct("M Download", "cmd-7")],
            1,
            CwmpDateTime.From(new DateTimeOffset(2025, 3, 14, 9, 26, 53, TimeSpan.Zero)),
            0,
            [
                new ParameterValueStruct("Device.RootDataModelVersion", "2.11"),
                new ParameterValueStruct("Device.DeviceInfo.SoftwareVersion", "4.2.1 & <beta>"),
                new ParameterValueStruct("Device.DeviceInfo.UpTime", "86400", "xsd:unsignedInt"),
                new ParameterValueStruct("Device.ManagementServer.PeriodicInformEnable", "true", "xsd:boolean"),
            ]);
        CwmpFault fault = CwmpFault.Create(FaultCodes.CpeInvalidArguments) with
        {
            SetParameterValuesFaults = [new SetParameterValuesFault("Device.ManagementServer.PeriodicInformInterval", FaultCodes.InvalidParameterValue, "Invalid parameter value")],
        };
        var withDeclaration = new CwmpWriterOptions { XmlDeclaration = true, BooleansAsDigits = true };
        return
        [
            CwmpWriter.WriteToArray(CwmpEnvelope.Create(CwmpVersion.Version10, "1234", inform), withDeclaration),
            CwmpWriter.WriteToArray(CwmpEnvelope.Create(CwmpVersion.Version12, "ID:42", fault)),
            CwmpWriter.WriteToArray(CwmpEnvelope.Create(CwmpVersion.Version14, "7", new GetRPCMethodsResponse(["Inform", "GetRPCMethods", "TransferComplete"]))),
            CwmpWriter.WriteToArray(CwmpEnvelope.Create(CwmpVersion.Version10, null, new GetRPCMethods())),
        ];
    }

    private static (string Name, CwmpParserOptions Options) PickOptions(Random random) => random.Next(6) switch
    {
        0 => ("strict", CwmpParserOptions.Default with { StripInvalidXmlCharacters = false }),
        1 => ("tiny", new CwmpParserOptions
        {
            MaxBodyBytes = 4096,
            MaxDepth = 5,
            MaxElements = 25,
            MaxStringLength = 64,
            MaxTagLength = 400,
            MaxArrayLength = 2,
            MaxInformParameters = 1,
            MaxInformEvents = 2,
        }),
        _ => ("default", CwmpParserOptions.Default),
    };

    private static byte[] Mutate(byte[] original, byte[][] corpus, Random random)
    {
        var data = new List<byte>(original);
        int mutations = 1 + random.Next(4);
        for (int m = 0; m < mutations; m++)
        {
            int at = random.Next(data.Count + 1);
            switch (random.Next(12))
            {
                case 0 when data.Count > 0:
                    int flip = random.Next(data.Count);
                    data[flip] ^= (byte)(1 << random.Next(8));
                    break;
                case 1 when data.Count > 0:
                    data.RemoveRange(Math.Min(at, data.Count - 1), Math.Min(1 + random.Next(32), data.Count - Math.Min(at, data.Count - 1)));
                    break;
                case 2:
                    byte[] noise = new byte[1 + random.Next(8)];
                    random.NextBytes(noise);
                    data.InsertRange(at, noise);
                    break;
                case 3 when data.Count > 0:
                    int from = random.Next(data.Count);
                    int length = Math.Min(1 + random.Next(64), data.Count - from);
                    data.InsertRange(at, data.GetRange(from, length));
                    break;
                case 4:
                    data.RemoveRange(at, data.Count - at);
                    break;
                case 5:
                    byte[] other = corpus[random.Next(corpus.Length)];
                    int cut = random.Next(other.Length + 1);
                    data.RemoveRange(at, data.Count - at);
                    data.AddRange(other.AsSpan(cut).ToArray());
                    break;
                case 6:
                    data.InsertRange(at, DeepTags(random));
                    break;
                case 7 or 8:
                    ReplaceText(data, at, Encoding.UTF8.GetBytes(Values[random.Next(Values.Length)]));
                    break;
                default:
                    data.InsertRange(at, Fragments[random.Next(Fragments.Length)]);
                    break;
            }
        }

        return [.. data];
    }

    /// <summary>Replaces the text or attribute value found at or after <paramref name="at"/> (the first run between '&gt;' or a quote and the next '&lt;' or quote).</summary>
    private static void ReplaceText(List<byte> data, int at, byte[] value)
    {
        int start = data.FindIndex(Math.Min(at, data.Count), b => b is (byte)'>' or (byte)'"');
        if (start < 0)
        {
            return;
        }

        int end = data.FindIndex(start + 1, b => b is (byte)'<' or (byte)'"');
        if (end < 0)
        {
            return;
        }

        data.RemoveRange(start + 1, end - start - 1);
        data.InsertRange(start + 1, value);
    }

    private static byte[] DeepTags(Random random)
    {
        int depth = 1 + random.Next(200);
        var tags = new StringBuilder();
        for (int i = 0; i < depth; i++)
        {
            tags.Append("<d").Append(i % 3).Append('>');
        }

        // Sometimes closed, sometimes left open.
        if (random.Next(2) == 0)
        {
            for (int i = depth - 1; i >= 0; i--)
            {
                tags.Append("</d").Append(i % 3).Append('>');
            }
        }

        return Encoding.UTF8.GetBytes(tags.ToString());
    }
}
