using System.Buffers;
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
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1, FileOptions.SequentialScan);
            if (!stream.CanSeek) return Whole(path, ReadUnseekable(stream, maxBytes), maxBytes); // a pipe, /dev/stdin
            long length = stream.Length;
            if (length > maxBytes)
                return new LoadedFile(path, null, $"{path}: {length:N0} bytes is over the limit of {maxBytes:N0} bytes");
            var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
            try
            {
                if (Decode(stream, chunk) is { } text) return new LoadedFile(path, text, null);
            }
            catch (BinaryFileException e)
            {
                return new LoadedFile(path, null, $"{path}: looks binary (a NUL byte at offset {e.Offset}); not a digest");
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }
            // The file changed between the two reads: read it once more, whole.
            stream.Position = 0;
            return Whole(path, ReadUnseekable(stream, maxBytes), maxBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or OutOfMemoryException)
        {
            return new LoadedFile(path, null, $"{path}: cannot read ({e.Message})");
        }
    }

    /// <summary>The text of bytes read whole (null: more than the limit), or why it is refused.</summary>
    private static LoadedFile Whole(string path, byte[]? bytes, long maxBytes)
    {
        if (bytes is null) return new LoadedFile(path, null, $"{path}: over the limit of {maxBytes:N0} bytes");
        int nul = bytes.AsSpan(0, Math.Min(bytes.Length, BinarySniffBytes)).IndexOf((byte)0);
        if (nul >= 0) return new LoadedFile(path, null, $"{path}: looks binary (a NUL byte at offset {nul}); not a digest");
        return new LoadedFile(path, Utf8.GetString(bytes), null);
    }

    /// <summary>Everything left in the stream, or null past <paramref name="maxBytes"/>.</summary>
    private static byte[]? ReadUnseekable(Stream stream, long maxBytes)
    {
        using var all = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            int n;
            while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (all.Length + n > maxBytes) return null;
                all.Write(chunk, 0, n);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        return all.ToArray();
    }

    private const int ChunkBytes = 1 << 20;
    private const int BinarySniffBytes = 8192;

    private sealed class BinaryFileException(int offset) : Exception
    {
        public int Offset { get; } = offset;
    }

    /// <summary>
    /// The file's text, decoded in two passes over a small buffer: the first counts the characters, the
    /// second decodes straight into the string. Reading the bytes whole first would add a copy of the file
    /// to the heap (206 MB for the largest benchmark digest, each fresh page a fault). Null when the file
    /// changed between the passes. Invalid UTF-8 becomes U+FFFD, as Encoding.GetString does.
    /// </summary>
    private static string? Decode(FileStream stream, byte[] chunk)
    {
        // Counting decodes into a scratch buffer: Decoder.GetCharCount does not carry a sequence split
        // between two reads over to the next call, Convert does.
        var decoder = Utf8.GetDecoder();
        var scratch = ArrayPool<char>.Shared.Rent(chunk.Length + 1);
        long chars = 0, bytes = 0;
        try
        {
            int n;
            while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (bytes < BinarySniffBytes)
                {
                    int nul = chunk.AsSpan(0, (int)Math.Min(n, BinarySniffBytes - bytes)).IndexOf((byte)0);
                    if (nul >= 0) throw new BinaryFileException((int)bytes + nul);
                }
                decoder.Convert(chunk.AsSpan(0, n), scratch, flush: false, out _, out int made, out _);
                chars += made;
                bytes += n;
            }
            decoder.Convert([], scratch, flush: true, out _, out int rest, out _);
            chars += rest;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(scratch);
        }
        if (chars > Array.MaxLength) throw new IOException($"{chars:N0} characters do not fit in one string");
        stream.Position = 0;
        decoder.Reset();
        bool intact = true;
        string text = string.Create((int)chars, 0, (span, _) =>
        {
            long seen = 0;
            int written = 0, read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                seen += read;
                try
                {
                    decoder.Convert(chunk.AsSpan(0, read), span[written..], seen >= bytes, out int used, out int made, out bool _);
                    written += made;
                    intact = used == read; // all of it fitted (else the file grew)
                }
                catch (ArgumentException)
                {
                    intact = false; // not even one more character fitted
                }
                if (!intact || seen > bytes) break;
            }
            intact &= seen == bytes && written == span.Length;
        });
        return intact ? text : null;
    }
}
