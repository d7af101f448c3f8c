using System.Text;
using PaperLsp.Core.Workspace;

namespace PaperLsp.Cli;

/// <summary>A digest read from disk, or the reason it could not be.</summary>
internal sealed record LoadedFile(string Path, string? Text, string? Error);

/// <summary>Finds digests under the paths given and reads them, refusing binary and oversized files.</summary>
internal static class InputFiles
{
    public const long DefaultMaxBytes = 1L << 30;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>Files named explicitly are always taken; folders are searched by extension and content.</summary>
    public static List<string> Discover(IEnumerable<string> paths, List<string> errors)
    {
        var found = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path)) found.Add(path);
            else if (Directory.Exists(path)) found.AddRange(Search(path));
            else errors.Add($"{path}: no such file or folder");
        }
        return found;
    }

    private static IEnumerable<string> Search(string root)
    {
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = true,
            AttributesToSkip = FileAttributes.ReparsePoint | FileAttributes.Hidden,
        };
        return Directory.EnumerateFiles(root, "*", options)
            .Where(f => !f.Split(System.IO.Path.DirectorySeparatorChar).Any(part => part is "node_modules" or "bin" or "obj" or ".git"))
            .Where(f => DigestSniffer.HasDigestExtension(f) || (DigestSniffer.MaySniff(f) && Sniff(f)))
            .Order(StringComparer.Ordinal);
    }

    private static bool Sniff(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            var buffer = new byte[64 * 1024];
            int n = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            if (buffer.AsSpan(0, n).Contains((byte)0)) return false;
            return DigestSniffer.LooksLikeDigest(path, Utf8.GetString(buffer, 0, n));
        }
        catch (IOException) { return false; }
        catch (UnauthorizedAccessException) { return false; }
    }

    public static LoadedFile Load(string path, long maxBytes = DefaultMaxBytes)
    {
        try
        {
            var info = new FileInfo(path);
            if (info.Length > maxBytes)
                return new LoadedFile(path, null, $"{path}: {info.Length:N0} bytes is over the limit of {maxBytes:N0} bytes");
            var bytes = File.ReadAllBytes(path);
            int nul = bytes.AsSpan(0, Math.Min(bytes.Length, 8192)).IndexOf((byte)0);
            if (nul >= 0) return new LoadedFile(path, null, $"{path}: looks binary (a NUL byte at offset {nul}); not a digest");
            return new LoadedFile(path, Utf8.GetString(bytes), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or OutOfMemoryException)
        {
            return new LoadedFile(path, null, $"{path}: cannot read ({e.Message})");
        }
    }
}
