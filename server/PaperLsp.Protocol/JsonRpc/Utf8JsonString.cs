using System.Buffers;
using System.Globalization;
using System.Text;

namespace PaperLsp.Protocol.JsonRpc;

/// <summary>
/// A JSON string value read straight from UTF-8 bytes: found with a vectorized scan, then decoded with one
/// transcoding into a string of the exact length. Only plainly valid strings are decoded; for anything
/// else (a control character, a bad escape, a lone surrogate) these give up and leave the error to the
/// general reader, which reports it as it always has.
/// </summary>
internal static class Utf8JsonString
{
    // The runtime's limit on a string's length (not exposed as a constant).
    private const int MaxStringLength = 0x3FFFFFDF;

    private static readonly SearchValues<byte> QuoteOrBackslash = SearchValues.Create("\"\\"u8);

    // A raw control character is invalid inside a JSON string; finding it with the escapes costs no extra pass.
    private static readonly SearchValues<byte> BackslashOrControl =
        SearchValues.Create("\\\0\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0A\x0B\x0C\x0D\x0E\x0F\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1A\x1B\x1C\x1D\x1E\x1F"u8);

    /// <summary>
    /// The one string in <paramref name="json"/> whose content (between its quotes, as encoded) is at least
    /// <paramref name="minLength"/> bytes: <paramref name="start"/> is its opening quote, <paramref name="length"/>
    /// counts both quotes. False if there is none, more than one, or a string does not end.
    /// </summary>
    public static bool TryFindOnlyLong(ReadOnlySpan<byte> json, int minLength, out int start, out int length)
    {
        start = length = 0;
        bool found = false;
        int at = 0;
        while (true)
        {
            int open = json[at..].IndexOf((byte)'"');
            if (open < 0)
            {
                return found;
            }

            open += at;
            int close = open + 1;
            while (true)
            {
                int next = json[close..].IndexOfAny(QuoteOrBackslash);
                if (next < 0)
                {
                    return false;
                }

                close += next;
                if (json[close] == '"')
                {
                    break;
                }

                close += 2; // past the escaped byte; the digits of \uXXXX are neither quote nor backslash
                if (close > json.Length)
                {
                    return false;
                }
            }

            if (close - open - 1 >= minLength)
            {
                if (found)
                {
                    return false;
                }

                (found, start, length) = (true, open, close + 1 - open);
            }

            at = close + 1;
        }
    }

    /// <summary>
    /// The value of the JSON string whose content (between the quotes) is <paramref name="content"/>, which must
    /// be valid UTF-8; null unless every character is valid JSON and every escape decodes to whole UTF-16.
    /// </summary>
    public static string? TryDecode(ReadOnlySpan<byte> content)
    {
        // First the exact length and the validation, so that the string is allocated once and written once.
        long length = 0;
        for (var rest = content; !rest.IsEmpty;)
        {
            int escape = rest.IndexOfAny(BackslashOrControl);
            length += Encoding.UTF8.GetCharCount(escape < 0 ? rest : rest[..escape]);
            if (escape < 0)
            {
                break;
            }

            int chars = Unescape(rest[escape..], out _, out _, out int used);
            if (chars == 0)
            {
                return null;
            }

            length += chars;
            rest = rest[(escape + used)..];
        }

        return length <= MaxStringLength ? string.Create((int)length, content, Write) : null;
    }

    private static void Write(Span<char> destination, ReadOnlySpan<byte> content)
    {
        while (!content.IsEmpty)
        {
            int escape = content.IndexOf((byte)'\\');
            destination = destination[Encoding.UTF8.GetChars(escape < 0 ? content : content[..escape], destination)..];
            if (escape < 0)
            {
                return;
            }

            int chars = Unescape(content[escape..], out destination[0], out char second, out int used);
            if (chars == 2)
            {
                destination[1] = second;
            }

            destination = destination[chars..];
            content = content[(escape + used)..];
        }
    }

    /// <summary>
    /// Decodes the escape at the start of <paramref name="escape"/> into one character, or two for a
    /// surrogate pair written as two <c>\uXXXX</c>; 0 if it is not a valid escape or pair.
    /// </summary>
    private static int Unescape(ReadOnlySpan<byte> escape, out char first, out char second, out int used)
    {
        (first, second, used) = ('\0', '\0', 2);
        if (escape.Length < 2 || escape[0] != '\\')
        {
            return 0;
        }

        switch (escape[1])
        {
            case (byte)'"': first = '"'; return 1;
            case (byte)'\\': first = '\\'; return 1;
            case (byte)'/': first = '/'; return 1;
            case (byte)'b': first = '\b'; return 1;
            case (byte)'f': first = '\f'; return 1;
            case (byte)'n': first = '\n'; return 1;
            case (byte)'r': first = '\r'; return 1;
            case (byte)'t': first = '\t'; return 1;
            case (byte)'u':
                used = 6;
                if (!TryHex(escape[2..], out first) || char.IsLowSurrogate(first))
                {
                    return 0;
                }

                if (!char.IsHighSurrogate(first))
                {
                    return 1;
                }

                used = 12;
                return escape.Length >= 12 && escape[6] == '\\' && escape[7] == 'u'
                    && TryHex(escape[8..], out second) && char.IsLowSurrogate(second) ? 2 : 0;
            default:
                return 0;
        }
    }

    private static bool TryHex(ReadOnlySpan<byte> digits, out char value)
    {
        if (digits.Length >= 4 && ushort.TryParse(digits[..4], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ushort code))
        {
            value = (char)code;
            return true;
        }

        value = '\0';
        return false;
    }
}
