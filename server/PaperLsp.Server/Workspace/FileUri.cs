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
}
