namespace PaperLsp.Core.Syntax;

/// <summary>
/// What a single line of a plain digest looks like on its own, before context decides.
/// Ordinal checks on spans only: this runs once per line of files of hundreds of megabytes.
/// </summary>
public static class LineClassifier
{
    /// <summary>Lines a daily-papers page copy carries that are not papers.</summary>
    private static readonly HashSet<string> PageLines = new(StringComparer.Ordinal)
    {
        "new", "Subscribe", "Daily Papers", "Get trending papers in your email inbox!",
        "Get trending papers in your email inbox once a day!", "byAK and the research community",
        "Hugging Face", "Models", "Datasets", "Spaces", "Posts", "Docs", "Enterprise", "Pricing",
        "Log In", "Sign Up", "Papers", "Collections", "Community", "Trending Papers", "Upvote",
        "Submit", "Search", "Previous", "Next", "Daily", "Weekly", "Monthly", "Submitted by",
    };

    /// <summary>Page phrases a copy may glue to the text after them ("SubscribeasanAI: …").</summary>
    public static readonly IReadOnlyList<string> GluablePhrases =
    [
        "Get trending papers in your email inbox once a day!", "Get trending papers in your email inbox!",
        "byAK and the research community", "Daily Papers", "Subscribe",
    ];

    private static readonly string[] Months =
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    public static bool IsBlank(ReadOnlySpan<char> line) => line.IsWhiteSpace();

    public static bool IsBoilerplate(ReadOnlySpan<char> line) =>
        line.Length <= 60 && PageLines.GetAlternateLookup<ReadOnlySpan<char>>().Contains(line.Trim());

    /// <summary>The length of a page phrase glued to the start of the line, or 0.</summary>
    public static int GluedPrefixLength(ReadOnlySpan<char> line)
    {
        foreach (var phrase in GluablePhrases)
        {
            if (line.Length > phrase.Length && line.StartsWith(phrase, StringComparison.Ordinal)
                && !char.IsWhiteSpace(line[phrase.Length]))
                return phrase.Length;
        }
        return 0;
    }

    /// <summary>"Sep 10", "Feb 7, 2025", "September 10", "2025-02-07", "Published on Feb 7, 2025".</summary>
    public static bool IsDate(ReadOnlySpan<char> line)
    {
        var s = line.Trim();
        if (s.StartsWith("Published on ", StringComparison.Ordinal)) s = s[13..];
        else if (s.StartsWith("Submitted on ", StringComparison.Ordinal)) s = s[13..];
        if (s.Length is < 5 or > 30) return false;
        if (s.Length == 10 && char.IsAsciiDigit(s[0]) && s[4] == '-' && s[7] == '-')
            return Digits(s[..4]) && Digits(s[5..7]) && Digits(s[8..]);
        bool month = false;
        foreach (var m in Months)
            if (s.StartsWith(m, StringComparison.Ordinal)) { month = true; break; }
        if (!month) return false;
        int i = 3;
        while (i < s.Length && char.IsAsciiLetterLower(s[i])) i++;
        if (i > 9 || i >= s.Length || s[i] != ' ') return false;
        var rest = s[(i + 1)..];
        int d = 0;
        while (d < rest.Length && char.IsAsciiDigit(rest[d])) d++;
        if (d is < 1 or > 2) return false;
        rest = rest[d..];
        if (rest.IsEmpty) return true;
        return rest.Length == 6 && rest[0] == ',' && rest[1] == ' ' && Digits(rest[2..]);
    }

    /// <summary>"[-] 19", "[-] -", "▲ 19", "Upvote 19".</summary>
    public static bool IsVote(ReadOnlySpan<char> line)
    {
        var s = line.Trim();
        if (s.StartsWith("[-]", StringComparison.Ordinal)) s = s[3..];
        else if (s.StartsWith("▲", StringComparison.Ordinal)) s = s[1..];
        else if (s.StartsWith("Upvote ", StringComparison.Ordinal)) s = s[7..];
        else return false;
        s = s.Trim();
        return s.IsEmpty || s.SequenceEqual("-") || (s.Length <= 7 && Digits(s));
    }

    /// <summary>A line that is nothing but one http(s) URL.</summary>
    public static bool IsUrlOnly(ReadOnlySpan<char> line)
    {
        var s = line.Trim();
        return (s.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || s.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            && s.IndexOfAny(' ', '\t') < 0;
    }

    /// <summary>"6 authors", "1 author", "[6 authors", "[", "](https://…)" — the author count, possibly link-wrapped.</summary>
    public static bool IsAuthors(ReadOnlySpan<char> line, out int? count)
    {
        count = null;
        var s = line.Trim();
        if (s.SequenceEqual("[")) return true;
        if (s.StartsWith("](", StringComparison.Ordinal) && s.EndsWith(")", StringComparison.Ordinal)) return true;
        if (s.StartsWith("[", StringComparison.Ordinal)) s = s[1..];
        // A count starts with a digit or ',' (see CountedNoun); checking that first spares the
        // search for "](" below, which would otherwise run over every abstract line.
        if (s.IsEmpty || !(char.IsAsciiDigit(s[0]) || s[0] == ',')) return false;
        int close = s.IndexOf("](", StringComparison.Ordinal);
        if (close > 0) s = s[..close];
        return CountedNoun(s, "author", out count);
    }

    public static bool IsCommentCount(ReadOnlySpan<char> line, out int? count) =>
        CountedNoun(line.Trim(), "comment", out count);

    public static bool IsSeparator(ReadOnlySpan<char> line)
    {
        var s = line.Trim();
        return s.Length == 1 && s[0] is '·' or '•' or '|';
    }

    public static bool IsNote(ReadOnlySpan<char> line) =>
        line.StartsWith("> ", StringComparison.Ordinal) || line.TrimEnd().SequenceEqual(">");

    /// <summary>An HTML comment naming paperlsp: a suppression marker for deliberate repeats.</summary>
    public static bool IsSuppression(ReadOnlySpan<char> line, out bool wholeFile)
    {
        var s = line.Trim();
        wholeFile = false;
        if (!s.StartsWith("<!--", StringComparison.Ordinal) || !s.EndsWith("-->", StringComparison.Ordinal)) return false;
        if (s.IndexOf("paperlsp", StringComparison.OrdinalIgnoreCase) < 0) return false;
        wholeFile = s.IndexOf("allow-duplicates-file", StringComparison.OrdinalIgnoreCase) >= 0;
        return s.IndexOf("allow-duplicate", StringComparison.OrdinalIgnoreCase) >= 0;
    }

    /// <summary>Long, or several sentences, or one full sentence: the shape of an abstract rather than a title.</summary>
    public static bool LooksLikeAbstract(ReadOnlySpan<char> line)
    {
        var s = line.Trim();
        if (s.Length >= 320) return true;
        int words = 1 + s.Count(' ');
        if (SentenceBreaks(s) >= 1 && words >= 12) return true;
        return s.Length > 0 && s[^1] is '.' && words >= 16;
    }

    private static int SentenceBreaks(ReadOnlySpan<char> s)
    {
        int n = 0;
        for (int i = 1; i + 2 < s.Length; i++)
            if (s[i] is '.' or '?' or '!' && s[i + 1] == ' ' && char.IsUpper(s[i + 2]) && char.IsLower(s[i - 1])) n++;
        return n;
    }

    private static bool CountedNoun(ReadOnlySpan<char> s, string noun, out int? count)
    {
        count = null;
        int d = 0;
        while (d < s.Length && (char.IsAsciiDigit(s[d]) || s[d] == ',')) d++;
        if (d == 0 || d > 9 || d >= s.Length || s[d] != ' ') return false;
        var word = s[(d + 1)..];
        if (!word.SequenceEqual(noun) && !(word.Length == noun.Length + 1 && word.StartsWith(noun, StringComparison.Ordinal) && word[^1] == 's'))
            return false;
        count = int.TryParse(s[..d].ToString().Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture, out int n) ? n : null;
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty) return false;
        foreach (char c in s) if (!char.IsAsciiDigit(c)) return false;
        return true;
    }
}
