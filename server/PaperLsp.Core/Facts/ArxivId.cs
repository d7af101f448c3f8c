using System.Buffers;

namespace PaperLsp.Core.Facts;

/// <summary>Finds arXiv identifiers (new style 2406.11912v2, old style hep-th/9901001) and drops versions.</summary>
public static class ArxivId
{
    private static readonly string[] UrlMarkers =
        ["arxiv.org/abs/", "arxiv.org/pdf/", "huggingface.co/papers/", "alphaxiv.org/abs/", "arxiv:"];

    // Vectorised OrdinalIgnoreCase searches: IndexOf(string, OrdinalIgnoreCase) was the profile's top
    // cost (a scalar path, measured in bench/), and this runs over the text of every entry.
    private static readonly SearchValues<string> AnyMarker = SearchValues.Create(UrlMarkers, StringComparison.OrdinalIgnoreCase);
    private static readonly SearchValues<string>[] Marker =
        [.. UrlMarkers.Select(m => SearchValues.Create([m], StringComparison.OrdinalIgnoreCase))];

    /// <summary>The first arXiv id named in the text, version removed, or null.</summary>
    public static string? Find(ReadOnlySpan<char> text)
    {
        // One pass finds where the first marker of any kind stands; most entries name none.
        int first = text.IndexOfAny(AnyMarker);
        if (first < 0) return null;
        for (int m = 0; m < UrlMarkers.Length; m++)
        {
            var marker = UrlMarkers[m];
            int from = first;
            while (from < text.Length)
            {
                int at = text[from..].IndexOfAny(Marker[m]);
                if (at < 0) break;
                int start = from + at + marker.Length;
                while (start < text.Length && text[start] == ' ') start++;
                var id = Parse(text[start..]);
                if (id is not null) return id;
                from = start;
            }
        }
        return null;
    }

    /// <summary>Parses an id at the start of the text ("2406.11912v2 ..." gives "2406.11912").</summary>
    public static string? Parse(ReadOnlySpan<char> s)
    {
        int digits = CountDigits(s);
        if (digits == 4 && s.Length > 5 && s[4] == '.')
        {
            int tail = CountDigits(s[5..]);
            if (tail is 4 or 5 && !ContinuesWord(s, 5 + tail)) return s[..(5 + tail)].ToString();
            return null;
        }
        // Old style: archive(.SUB)/YYMMNNN
        int slash = s.IndexOf('/');
        if (slash is > 1 and < 16 && IsArchiveName(s[..slash]))
        {
            int n = CountDigits(s[(slash + 1)..]);
            if (n == 7 && !ContinuesWord(s, slash + 8)) return s[..(slash + 8)].ToString().ToLowerInvariant();
        }
        return null;
    }

    private static bool ContinuesWord(ReadOnlySpan<char> s, int end)
    {
        if (end >= s.Length) return false;
        // A version suffix is allowed; anything else that continues the token is not an id.
        if (s[end] == 'v' && end + 1 < s.Length && char.IsAsciiDigit(s[end + 1])) return false;
        return char.IsAsciiLetterOrDigit(s[end]);
    }

    private static bool IsArchiveName(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
            if (!(char.IsAsciiLetterLower(c) || c == '-' || c == '.' || char.IsAsciiLetterUpper(c))) return false;
        return char.IsAsciiLetter(s[0]);
    }

    private static int CountDigits(ReadOnlySpan<char> s)
    {
        int n = 0;
        while (n < s.Length && char.IsAsciiDigit(s[n])) n++;
        return n;
    }
}
