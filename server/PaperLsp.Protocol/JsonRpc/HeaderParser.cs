using System.Text;

namespace PaperLsp.Protocol.JsonRpc;

/// <summary>The base protocol's header rules: <c>Name: value\r\n</c> lines ended by an empty line.</summary>
internal static class HeaderParser
{
    public static ReadOnlySpan<byte> HeaderEnd => "\r\n\r\n"u8;

    private static ReadOnlySpan<byte> ContentLength => "content-length"u8;

    private static ReadOnlySpan<byte> LineEnd => "\r\n"u8;

    private static ReadOnlySpan<byte> Blanks => " \t"u8;

    // Generous for "Content-Length: 268435456" with odd spacing; bounds the look-ahead while resynchronizing.
    private const int MaxContentLengthLine = 64;

    /// <summary>
    /// Finds the Content-Length in a header section (without its final blank line). Header names are
    /// case-insensitive; other headers, Content-Type included, are ignored, and so are lines without
    /// a colon (stray output in front of a message).
    /// </summary>
    public static bool TryGetContentLength(ReadOnlySpan<byte> header, out long length, out string? problem)
    {
        length = -1;
        problem = null;
        while (!header.IsEmpty)
        {
            int end = header.IndexOf(LineEnd);
            var line = end < 0 ? header : header[..end];
            header = end < 0 ? default : header[(end + LineEnd.Length)..];

            int colon = line.IndexOf((byte)':');
            if (colon < 0 || !Ascii.EqualsIgnoreCase(line[..colon].Trim(Blanks), ContentLength))
            {
                continue;
            }

            var value = line[(colon + 1)..].Trim(Blanks);
            if (!TryParseDigits(value, out long parsed))
            {
                problem = $"Content-Length '{Printable(value)}' is not a non-negative integer.";
                return false;
            }

            if (length >= 0 && length != parsed)
            {
                problem = $"Conflicting Content-Length headers: {length} and {parsed}.";
                return false;
            }

            length = parsed;
        }

        if (length < 0)
        {
            problem = "The header has no Content-Length.";
            return false;
        }

        return true;
    }

    public enum LineMatch
    {
        No,
        Yes,
        NeedMoreData,
    }

    /// <summary>
    /// Whether <paramref name="data"/> starts with a well-formed <c>Content-Length: digits\r\n</c> line.
    /// Such a line cannot occur inside a JSON body (a JSON string holds no raw CR or LF), which is
    /// what makes it a safe point to resynchronize on.
    /// </summary>
    public static LineMatch MatchContentLengthLine(ReadOnlySpan<byte> data)
    {
        if (data.Length < ContentLength.Length)
        {
            return Ascii.EqualsIgnoreCase(data, ContentLength[..data.Length]) ? LineMatch.NeedMoreData : LineMatch.No;
        }

        if (!Ascii.EqualsIgnoreCase(data[..ContentLength.Length], ContentLength))
        {
            return LineMatch.No;
        }

        var rest = data[ContentLength.Length..];
        int end = rest[..Math.Min(rest.Length, MaxContentLengthLine)].IndexOf(LineEnd);
        if (end < 0)
        {
            return rest.Length < MaxContentLengthLine ? LineMatch.NeedMoreData : LineMatch.No;
        }

        var afterName = rest[..end].TrimStart(Blanks);
        return afterName.Length > 0 && afterName[0] == (byte)':' && TryParseDigits(afterName[1..].Trim(Blanks), out _)
            ? LineMatch.Yes
            : LineMatch.No;
    }

    private static bool TryParseDigits(ReadOnlySpan<byte> digits, out long value)
    {
        value = 0;
        if (digits.IsEmpty || digits.Length > 18)
        {
            return false;
        }

        foreach (byte b in digits)
        {
            if (!char.IsAsciiDigit((char)b))
            {
                return false;
            }

            value = (value * 10) + (b - '0');
        }

        return true;
    }

    private static string Printable(ReadOnlySpan<byte> value) =>
        Encoding.Latin1.GetString(value[..Math.Min(value.Length, 40)]);
}
