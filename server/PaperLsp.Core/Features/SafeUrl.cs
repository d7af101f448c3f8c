using System.Text;

namespace PaperLsp.Core.Features;

/// <summary>
/// The only URLs the features hand out: absolute http(s) with a host, with every character that
/// could end a Markdown link destination or an LSP URI (<c>&lt; &gt; ( ) [ ] \ " ' `</c>, spaces,
/// controls, non-ASCII) percent-encoded. Anything else (<c>command:</c>, <c>javascript:</c>,
/// <c>file:</c>, relative) is refused. Nothing here ever follows a link.
/// </summary>
public static class SafeUrl
{
    /// <summary>The URL made safe to emit, or null when it is not an http(s) URL.</summary>
    public static string? Http(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Length > 8192) return null;
        if (!url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) && !url.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            return null;
        var sb = new StringBuilder(url.Length + 8);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in url.EnumerateRunes())
        {
            if (rune.IsAscii && !MustEncode((char)rune.Value))
            {
                sb.Append((char)rune.Value);
                continue;
            }
            int n = rune.EncodeToUtf8(utf8);
            for (int i = 0; i < n; i++) sb.Append('%').Append(Hex[utf8[i] >> 4]).Append(Hex[utf8[i] & 15]);
        }
        string safe = sb.ToString();
        if (!Uri.TryCreate(safe, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host))
            return null;
        return safe;
    }

    private const string Hex = "0123456789ABCDEF";

    private static bool MustEncode(char c) =>
        c <= ' ' || c == '\x7f' || c is '<' or '>' or '(' or ')' or '[' or ']' or '{' or '}' or '\\' or '"' or '\'' or '`' or '|' or '^';

    /// <summary>A URL as people read it: no scheme, no trailing slash.</summary>
    public static string Display(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        string s = url;
        if (s.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) s = s[8..];
        else if (s.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) s = s[7..];
        if (s.StartsWith("www.", StringComparison.OrdinalIgnoreCase)) s = s[4..];
        return s.TrimEnd('/');
    }
}
