using System.Buffers;
using System.Globalization;
using System.Text;

namespace PaperLsp.Protocol.JsonRpc;

/// <summary>A JSON string in UTF-8 bytes: its opening quote, its length in bytes with both quotes, and its value's length in UTF-16.</summary>
internal readonly record struct JsonStringSpan(int Start, int Length, int Chars);

/// <summary>
/// A JSON string value read straight from UTF-8 bytes: one vectorized scan finds it, checks it and counts its
/// characters, then one transcoding writes it into a string of the exact length. Only plainly valid strings are
/// decoded; for anything else (a control character, a bad escape, a lone surrogate) these give up and leave the
/// error to the general reader, which reports it as it always has.
/// </summary>
internal static class Utf8JsonString
{
    // The runtime's limit on a string's length (not exposed as a constant).
    private const int MaxStringLength = 0x3FFFFFDF;

    // A raw control character is invalid inside a JSON string; finding it with the escapes costs no extra pass.
    private static readonly SearchValues<byte> QuoteBackslashOrControl =
        SearchValues.Create("\"\\\0\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0A\x0B\x0C\x0D\x0E\x0F\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1A\x1B\x1C\x1D\x1E\x1F"u8);

    /// <summary>
    /// The one string in <paramref name="json"/> (valid UTF-8) whose content between its quotes is at least
    /// <paramref name="minLength"/> bytes as encoded. False if there is none, more than one, if a string does
    /// not end, or if that one is not plainly valid.
    /// </summary>
    public static bool TryFindOnlyLong(ReadOnlySpan<byte> json, int minLength, out JsonStringSpan found)
    {
        found = default;
        for (int at = 0; ;)
        {
            int open = json[at..].IndexOf((byte)'"');
            if (open < 0)
            {
                return found.Length > 0;
            }

            open += at;
            int close = open + 1;
            long chars = 0;
            bool plain = true;
            while (true)
            {
                int next = json[close..].IndexOfAny(QuoteBackslashOrControl);
                if (next < 0)
                {
                    return false;
                }

                chars += Encoding.UTF8.GetCharCount(json.Slice(close, next));
                close += next;
                if (json[close] == '"')
                {
                    break;
                }

                int decoded = Unescape(json[close..], out _, out _, out int used);
                if (decoded == 0)
                {
                    // Only where the string ends matters now: past the escaped byte, or past the control character.
                    plain = false;
                    used = json[close] == '\\' ? 2 : 1;
                }

                chars += decoded;
                close += used;
                if (close > json.Length)
                {
                    return false;
                }
            }

            if (close - open - 1 >= minLength)
            {
                if (found.Length > 0 || !plain || chars > MaxStringLength)
                {
                    return false;
                }

                found = new JsonStringSpan(open, close + 1 - open, (int)chars);
            }

            at = close + 1;
        }
    }

    /// <summary>The value of a string <see cref="TryFindOnlyLong"/> found in <paramref name="json"/>.</summary>
    public static string Decode(ReadOnlySpan<byte> json, JsonStringSpan found) =>
        string.Create(found.Chars, json.Slice(found.Start + 1, found.Length - 2), Write);

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
