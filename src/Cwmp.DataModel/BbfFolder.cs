namespace Cwmp.DataModel;

/// <summary>Finds the folder of BBF definitions: the configured one, else the nearest "shared/bbf" or "bbf" upwards.</summary>
public static class BbfFolder
{
    private const string Marker = "tr-106-types.xml";

    /// <exception cref="DirectoryNotFoundException">The configured folder does not exist, or none was found.</exception>
    public static string Resolve(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Directory.Exists(configured)
                ? Path.GetFullPath(configured)
                : throw new DirectoryNotFoundException($"The configured BBF data-model folder {configured} does not exist.");
        }

        foreach (string start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory }.Distinct(StringComparer.Ordinal))
        {
            for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
            {
                foreach (string candidate in new[] { Path.Combine(dir.FullName, "shared", "bbf"), Path.Combine(dir.FullName, "bbf") })
                {
                    if (File.Exists(Path.Combine(candidate, Marker)))
                    {
                        return candidate;
                    }
                }
            }
        }

        throw new DirectoryNotFoundException(
            $"No BBF data-model folder was configured and none (shared/bbf or bbf holding {Marker}) was found above {AppContext.BaseDirectory} or {Environment.CurrentDirectory}.");
    }
}
