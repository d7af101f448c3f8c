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
        string text = title.ToString();
        if (!System.Text.Ascii.IsValid(title))
        {
            try { text = text.Normalize(NormalizationForm.FormKC); }
            catch (ArgumentException) { /* lone surrogates: keep the text as it is */ }
        }
        var sb = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\\')
            {
                // \command: drop the name, keep what its braces hold; \_ \& \% keep the char (dropped below anyway).
                int j = i + 1;
                while (j < text.Length && char.IsAsciiLetter(text[j])) j++;
                i = j > i + 1 ? j - 1 : i;
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
}
