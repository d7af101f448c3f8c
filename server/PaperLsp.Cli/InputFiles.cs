using PaperLsp.Core.Configuration;
using PaperLsp.Server.Workspace;

namespace PaperLsp.Cli;

/// <summary>Finds the digests under the paths given, by the same rules as the editor's workspace index.</summary>
internal static class InputFiles
{
    /// <summary>Files named explicitly are always taken; folders are scanned (globs, .gitignore, size limit, sniffing).</summary>
    public static List<string> Discover(IEnumerable<string> paths, Settings settings, List<string> errors, List<string> notes)
    {
        var found = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path)) found.Add(path);
            else if (Directory.Exists(path))
            {
                var scan = WorkspaceScanner.Scan(path, settings);
                // Shown as the user typed the folder: relative paths stay relative.
                found.AddRange(scan.Digests.Select(d => Path.Join(path, Path.GetRelativePath(Path.GetFullPath(path), d))));
                notes.AddRange(scan.Skipped.Select(s => "skipped " + s));
            }
            else errors.Add($"{path}: no such file or folder");
        }
        return found;
    }

    public static LoadedFile Load(string path) => DigestFiles.Load(path);

    /// <summary>The file's size in bytes, or 0 when it cannot be read (Load reports why).</summary>
    public static long Size(string path)
    {
        try
        {
            return new FileInfo(path).Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }
}
