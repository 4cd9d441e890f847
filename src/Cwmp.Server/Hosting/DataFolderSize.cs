namespace Cwmp.Server.Hosting;

internal static class DataFolderSize
{
    /// <summary>Bytes in all files below <paramref name="directory"/>, the figure an operator sizes a volume by.</summary>
    public static long Of(string directory)
    {
        var info = new DirectoryInfo(directory);
        return info.Exists ? info.EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) : 0;
    }
}
