using System.Text;
using PaperLsp.Core.Workspace;

namespace PaperLsp.Server.Workspace;

/// <summary>A digest read from disk, or the reason it could not be.</summary>
public sealed record LoadedFile(string Path, string? Text, string? Error);

/// <summary>Reads digests from disk for the CLI and the workspace index alike: binary and oversized files are refused.</summary>
public static class DigestFiles
{
    public const long DefaultMaxBytes = 1L << 30;
    private const int SniffBytes = 64 * 1024;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>A digest by its extension, or a .txt/.md file whose beginning reads as one.</summary>
    public static bool IsDigest(string path) =>
        DigestSniffer.HasDigestExtension(path) || (DigestSniffer.MaySniff(path) && Sniff(path));

    private static bool Sniff(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            var buffer = new byte[SniffBytes];
            int n = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            if (buffer.AsSpan(0, n).Contains((byte)0)) return false;
            return DigestSniffer.LooksLikeDigest(path, Utf8.GetString(buffer, 0, n));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
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
