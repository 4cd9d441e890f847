namespace Cwmp.Protocol.Tests.Infrastructure;

/// <summary>
/// The envelope corpus under Corpus/: real-world-shaped bytes as CPEs and ACSes send them, one file each, described by
/// Corpus/manifest.tsv (file, method, namespace, cwmp:ID or "-", what it shows).
/// </summary>
internal static class Corpus
{
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "Corpus");

    public static IReadOnlyList<CorpusEntry> Entries { get; } = Load();

    public static byte[] Read(string file) => File.ReadAllBytes(Path.Combine(Directory, file));

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (CorpusEntry entry in Entries)
        {
            data.Add(entry.File);
        }

        return data;
    }

    public static CorpusEntry Get(string file) => Entries.Single(e => e.File == file);

    private static List<CorpusEntry> Load() =>
        File.ReadAllLines(Path.Combine(Directory, "manifest.tsv"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(cells => new CorpusEntry(cells[0], cells[1], cells[2], cells[3] == "-" ? null : cells[3], cells[4]))
            .ToList();
}

internal sealed record CorpusEntry(string File, string Method, string Namespace, string? Id, string Description);
