namespace PaperLsp.Core.Duplicates;

/// <summary>
/// Two copies of one abstract, told apart from other abstracts: a 128-bit digest of its first
/// <see cref="Letters"/> letters and digits, lower-cased (spacing, punctuation and copy damage between
/// them do not count). A digest, not the letters: a first scan of 11,800 papers allocated, hashed and
/// compared 11,800 strings of 300 characters for it. Two different abstracts of ordinary text share a digest
/// with a chance of about n²/2¹²⁹ among n papers (two different 64-bit hashes), which no workspace reaches.
/// The hashes are not built to resist a crafted clash: the most one could do is one false PD002 warning.
/// </summary>
internal readonly record struct AbstractFingerprint(ulong Low, ulong High)
{
    public const int Letters = 300;

    /// <summary>Fewer letters than this, and an abstract says too little to call another a copy.</summary>
    public const int MinimumLetters = 80;

    /// <summary>The fingerprint of the text, or null when it has fewer than <see cref="MinimumLetters"/> letters and digits.</summary>
    public static AbstractFingerprint? Of(ReadOnlySpan<char> text)
    {
        // FNV-1a and a multiply-rotate hash, both over the same kept characters.
        ulong fnv = 14695981039346656037UL, mix = 0x9E3779B97F4A7C15UL;
        int n = 0;
        foreach (char c in text)
        {
            char kept;
            if (c <= 0x7F)
            {
                // ASCII, nearly all of an abstract: c | 0x20 lower-cases A-Z and leaves a-z and 0-9 alone.
                uint lower = c | 0x20u;
                if (lower - 'a' <= 'z' - 'a') kept = (char)lower;
                else if ((uint)(c - '0') <= 9) kept = c;
                else continue;
            }
            else if (char.IsLetterOrDigit(c)) kept = char.ToLowerInvariant(c);
            else continue;
            fnv = (fnv ^ kept) * 1099511628211UL;
            mix = ulong.RotateLeft((mix ^ kept) * 0xFF51AFD7ED558CCDUL, 29);
            if (++n == Letters) break;
        }
        if (n < MinimumLetters) return null;
        return new AbstractFingerprint(fnv ^ (ulong)n, mix * 0xC4CEB9FE1A85EC53UL ^ (ulong)n);
    }
}
