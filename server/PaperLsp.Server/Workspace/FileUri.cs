namespace PaperLsp.Server.Workspace;

/// <summary>file: URIs and paths, in the one spelling the server uses as a document id.</summary>
public static class FileUri
{
    public static string FromPath(string path) => new Uri(Path.GetFullPath(path)).AbsoluteUri;

    /// <summary>The local path of a file: URI, or null for any other URI.</summary>
    public static string? ToPath(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var u) && u.IsFile ? u.LocalPath : null;

    /// <summary>
    /// Clients escape URIs differently (VS Code escapes ':' and '@', others do not); the same file must
    /// be one document id, or its open copy would be a duplicate of its copy on disk.
    /// </summary>
    public static string Normalize(string uri) => ToPath(uri) is { } path ? FromPath(path) : uri;

    /// <summary>
    /// How a message names a document: its path relative to the workspace folder that holds it (with '/'),
    /// else its file name; a URI that is not a file stays as it is.
    /// </summary>
    public static string Display(string uri, IReadOnlyList<string> roots)
    {
        ArgumentNullException.ThrowIfNull(roots);
        if (ToPath(uri) is not { } path) return uri;
        foreach (string root in roots)
            if (path.StartsWith(root.TrimEnd('/') + "/", StringComparison.Ordinal))
                return Path.GetRelativePath(root, path).Replace('\\', '/');
        return Path.GetFileName(path);
    }
}
