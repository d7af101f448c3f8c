using System.Text;

namespace PaperLsp.Core.Facts;

/// <summary>
/// The identity key of a title (DESIGN §2): NFKC, case-folded, LaTeX commands unwrapped,
/// '$', punctuation and whitespace dropped. "$\textit{C. elegans}$" and "C. Elegans" share a key.
/// </summary>
public static class TitleKey
{
    public static string Of(ReadOnlySpan<char> title)
    {
        if (System.Text.Ascii.IsValid(title)) return OfAscii(title);
        string text = title.ToString();
        try { text = text.Normalize(NormalizationForm.FormKC); }
        catch (ArgumentException) { /* lone surrogates: keep the text as it is */ }
        var sb = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\\')
            {
                i = LastOfCommand(text, i);
                continue;
            }
            if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                // Astral letters (math alphanumerics survive NFKC only as symbols): keep the pair.
                sb.Append(c).Append(text[i + 1]);
                i++;
            }
        }
        return sb.ToString();
    }

    /// <summary>
    /// <see cref="Of(ReadOnlySpan{char})"/>, returning one shared string per distinct key through the pool:
    /// for callers that make keys of many short, often repeated pieces (the words of every title).
    /// </summary>
    internal static string Of(ReadOnlySpan<char> title, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> pool)
    {
        if (title.Length > 256 || !System.Text.Ascii.IsValid(title)) return Of(title);
        Span<char> key = stackalloc char[title.Length];
        key = key[..WriteAsciiKey(title, key)];
        if (pool.TryGetValue(key, out var shared)) return shared;
        string made = key.ToString();
        pool.Set.Add(made);
        return made;
    }

    /// <summary>
    /// <see cref="Of(ReadOnlySpan{char})"/> for ASCII titles (almost all of them), without the copies: NFKC
    /// leaves ASCII unchanged, and on ASCII IsLetterOrDigit and ToLowerInvariant are their ASCII forms.
    /// </summary>
    private static string OfAscii(ReadOnlySpan<char> text)
    {
        Span<char> key = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        return new string(key[..WriteAsciiKey(text, key)]);
    }

    /// <summary>Writes the key of an ASCII title (never longer than the title) and returns its length.</summary>
    private static int WriteAsciiKey(ReadOnlySpan<char> text, Span<char> key)
    {
        int n = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\\')
            {
                i = LastOfCommand(text, i);
                continue;
            }
            if (char.IsAsciiLetterUpper(c)) key[n++] = (char)(c | 0x20);
            else if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)) key[n++] = c;
        }
        return n;
    }

    /// <summary>
    /// At a backslash: the index of the last letter of a <c>\command</c>'s name, which the key drops
    /// (what its braces hold is kept); for <c>\_</c>, <c>\&amp;</c> and the like, the backslash itself.
    /// </summary>
    private static int LastOfCommand(ReadOnlySpan<char> text, int backslash)
    {
        int j = backslash + 1;
        while (j < text.Length && char.IsAsciiLetter(text[j])) j++;
        return j > backslash + 1 ? j - 1 : backslash;
    }
}
