using System.Text.Json;

namespace PaperLsp.Server.Workspace;

/// <summary>The workspace's <c>.paperlsp.json</c>: the settings the editor and the CLI share (docs/SETTINGS.md).</summary>
public static class ProjectSettingsFile
{
    public const string FileName = ".paperlsp.json";
    private const long MaxBytes = 1 << 20;

    /// <summary>The file's JSON (comments and trailing commas allowed), null when absent; unreadable or invalid: null with the reason.</summary>
    public static JsonElement? Read(string folder, out string? error)
    {
        error = null;
        string path = Path.Combine(folder, FileName);
        try
        {
            if (!File.Exists(path)) return null;
            if (new FileInfo(path).Length > MaxBytes)
            {
                error = $"{path}: larger than 1 MB; ignored";
                return null;
            }
            using var doc = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (doc.RootElement.ValueKind == JsonValueKind.Object) return doc.RootElement.Clone();
            error = $"{path}: expected a JSON object; ignored";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            error = $"{path}: {e.Message}; ignored";
        }
        return null;
    }

    /// <summary>The nearest folder at or above <paramref name="start"/> that holds the file, or null.</summary>
    public static string? FindUpwards(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, FileName))) return dir.FullName;
        return null;
    }
}
