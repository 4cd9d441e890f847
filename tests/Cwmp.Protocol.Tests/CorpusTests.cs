using Cwmp.Protocol.Tests.Infrastructure;

namespace Cwmp.Protocol.Tests;

/// <summary>Every envelope of the corpus parses to what its manifest says, and survives a write and a re-parse.</summary>
public sealed class CorpusTests
{
    public static TheoryData<string> Files => Corpus.Files();

    [Fact]
    public void Manifest_and_corpus_directory_list_the_same_files()
    {
        var onDisk = System.IO.Directory.GetFiles(Corpus.Directory, "*.xml").Select(f => Path.GetFileName(f)!).Order().ToList();
        var listed = Corpus.Entries.Select(e => e.File).Order().ToList();
        Assert.Equal(listed, onDisk);
        Assert.True(listed.Count >= 60, $"The corpus has {listed.Count} envelopes; at least 60 are expected.");
    }

    [Fact]
    public void Corpus_covers_every_registered_method_and_fault()
    {
        var methods = Corpus.Entries.Select(e => e.Method).ToHashSet();
        var missing = Serialization.MessageRegistry.MethodNames.Where(m => !methods.Contains(m)).Order().ToList();
        Assert.True(missing.Count == 0, "No corpus envelope for: " + string.Join(", ", missing));
        Assert.Contains("Fault", methods);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Envelope_parses_to_its_method_namespace_and_id(string file)
    {
        CorpusEntry entry = Corpus.Get(file);

        CwmpEnvelope envelope = CwmpParser.Parse(Corpus.Read(file)) ?? throw new Xunit.Sdk.XunitException($"{file} parsed as an empty POST");

        Assert.Equal(entry.Method, envelope.Body.MethodName);
        Assert.Equal(entry.Namespace, envelope.CwmpNamespace);
        Assert.Equal(entry.Id, envelope.Header.Id);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Envelope_survives_write_and_reparse(string file)
    {
        CwmpEnvelope parsed = CwmpParser.Parse(Corpus.Read(file))!;

        foreach (CwmpWriterOptions options in new[] { CwmpWriterOptions.Default, new CwmpWriterOptions { XmlDeclaration = true, DateTimeFractions = true } })
        {
            CwmpEnvelope? again = CwmpParser.Parse(CwmpWriter.WriteToArray(parsed, options));
            Assert.Equal(parsed, again);
        }
    }
}
