using PaperLsp.Core.Configuration;
using PaperLsp.Core.Workspace;

namespace PaperLsp.Server.Workspace;

/// <summary>What a scan found: the digests, and every file or folder it passed over with the reason.</summary>
public sealed record ScanResult(IReadOnlyList<string> Digests, IReadOnlyList<string> Skipped);

/// <summary>
/// Finds the digests under a workspace root: the include globs, minus the exclude globs and what the
/// .gitignore files say, minus files over the size limit; .txt and .md files only when they read as
/// digests. Symlinked folders are never followed (no loops, nothing outside the root); a symlinked
/// file is taken only when it points inside the root. Files that vanish or cannot be read are skipped.
/// </summary>
public static class WorkspaceScanner
{
    public static ScanResult Scan(string root, Settings settings, CancellationToken token = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        root = Path.GetFullPath(root);
        var include = settings.Include.Select(Glob.Parse).ToList();
        var exclude = settings.Exclude.Select(Glob.Parse).ToList();
        var digests = new List<string>();
        var skipped = new List<string>();
        var pending = new Stack<(string Path, string Relative, IReadOnlyList<(string Base, GitIgnore Rules)> Ignores)>();
        pending.Push((root, "", []));
        while (pending.Count > 0)
        {
            token.ThrowIfCancellationRequested();
            var (dir, relative, ignores) = pending.Pop();
            FileSystemInfo[] entries;
            try
            {
                entries = new DirectoryInfo(dir).GetFileSystemInfos();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                skipped.Add($"{dir}: cannot list ({e.Message})");
                continue;
            }
            if (entries.FirstOrDefault(e => e.Name == ".gitignore" && e is FileInfo) is FileInfo gitignore && ReadSmall(gitignore) is { } rules)
                ignores = [.. ignores, (relative, GitIgnore.Parse(rules))];
            var folders = new List<(string, string)>();
            foreach (var entry in entries.OrderBy(e => e.Name, StringComparer.Ordinal))
            {
                string rel = relative.Length == 0 ? entry.Name : relative + "/" + entry.Name;
                bool isFolder = entry is DirectoryInfo;
                if (isFolder && entry.Name == ".git") continue;
                if (exclude.Any(g => g.IsMatch(rel)) || Ignored(ignores, rel, isFolder)) continue;
                if (entry.LinkTarget is not null)
                {
                    if (isFolder)
                    {
                        skipped.Add($"{entry.FullName}: a symlinked folder (not followed)");
                        continue;
                    }
                    if (!PointsInside(entry, root))
                    {
                        skipped.Add($"{entry.FullName}: a symlink to outside the workspace (not followed)");
                        continue;
                    }
                }
                if (isFolder)
                {
                    folders.Add((entry.FullName, rel));
                    continue;
                }
                if (!include.Any(g => g.IsMatch(rel))) continue;
                if (Length(entry) is not { } length) continue; // vanished meanwhile
                if (length > settings.MaxFileBytes)
                {
                    skipped.Add($"{entry.FullName}: {length:N0} bytes is over the size limit ({settings.MaxFileSizeMB} MB)");
                    continue;
                }
                if (DigestFiles.IsDigest(entry.FullName)) digests.Add(entry.FullName);
            }
            for (int i = folders.Count - 1; i >= 0; i--) pending.Push((folders[i].Item1, folders[i].Item2, ignores));
        }
        return new ScanResult(digests, skipped);
    }

    /// <summary>Whether a path relative to the root is a candidate digest by the settings' globs (for watched-file events).</summary>
    public static bool Wanted(string relativePath, Settings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Include.Any(g => Glob.Parse(g).IsMatch(relativePath)) && !settings.Exclude.Any(g => Glob.Parse(g).IsMatch(relativePath));
    }

    private static bool Ignored(IReadOnlyList<(string Base, GitIgnore Rules)> ignores, string rel, bool isFolder)
    {
        bool ignored = false;
        foreach (var (b, rules) in ignores)
        {
            string local = b.Length == 0 ? rel : rel[(b.Length + 1)..];
            if (rules.Decide(local, isFolder) is { } decision) ignored = decision;
        }
        return ignored;
    }

    private static bool PointsInside(FileSystemInfo link, string root)
    {
        try
        {
            var target = link.ResolveLinkTarget(returnFinalTarget: true);
            if (target is null || !target.Exists) return false;
            string full = Path.GetFullPath(target.FullName);
            return full.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false; // a loop of links, or one we may not read
        }
    }

    private static long? Length(FileSystemInfo entry)
    {
        try
        {
            var info = new FileInfo(entry.FullName);
            return info.Exists ? info.Length : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string? ReadSmall(FileInfo file)
    {
        try
        {
            return file.Length <= 1 << 20 ? File.ReadAllText(file.FullName) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
