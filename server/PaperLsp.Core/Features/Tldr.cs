namespace PaperLsp.Core.Features;

/// <summary>One sentence of an abstract with the score the TL;DR ranking gave it.</summary>
/// <param name="Contribution">Says what the paper does ("we propose", "in this work").</param>
/// <param name="Result">Says what it achieves ("outperforms", "96.0%", "3x faster").</param>
public sealed record RankedSentence(int Index, string Text, double Score, bool Contribution, bool Result);

/// <summary>
/// An extractive TL;DR: the abstract's sentences ranked by cue phrases (contribution: "we propose",
/// "we introduce", "in this work"; result: "outperforms", "achieves", "improves", figures, "x faster"),
/// with background ("Despite…", "Recent…") and boilerplate ("code is available") pushed down.
/// The summary is the best contribution sentence and the best result sentence, in text order.
/// </summary>
public static class Tldr
{
    public const int MaxSentenceLength = 320;

    private static readonly string[] StrongContribution =
    [
        "we propose", "we introduce", "we present", "we develop", "we design", "we devise", "we build", "we contribute",
        "we formulate", "we put forward", "this paper proposes", "this paper presents", "this paper introduces",
        "this work proposes", "this work presents", "this work introduces", "in this work", "in this paper",
        "proposing", "introducing", "is proposed", "are proposed", "is introduced", "we close this gap",
    ];

    private static readonly string[] WeakContribution =
    [
        "novel", "our method", "our approach", "our model", "our framework", "our system", "a new", "we show", "we demonstrate",
        "we find", "we study", "we train", "we release", "this paper", "this work", "we call", "named", "dubbed", "called",
    ];

    private static readonly string[] StrongResult =
    [
        "outperform", "surpass", "achiev", "state-of-the-art", "state of the art", "sota", "improv", "faster", "speedup",
        "speed-up", "better than", "exceed", "beats", "reduc", "boost", "gains of", "new record",
    ];

    private static readonly string[] WeakResult =
    [
        "accuracy", "matches", "comparable", "competitive", "fewer", "higher", "lower", "while using", "at equal", "compared with",
        "compared to", "cuts", "saves", "robust",
    ];

    private static readonly string[] BackgroundStarts =
    [
        "despite", "however", "although", "while ", "recent", "recently", "existing", "current", "traditional", "conventional",
        "many ", "most ", "prior ", "previous ", "with the", "in recent",
    ];

    private static readonly string[] BackgroundCues =
    [
        "remains", "remain ", "challenging", "has emerged", "have emerged", "has shown", "have shown", "has attracted",
        "have attracted", "has been", "have been", "suffer", "struggle", "is limited", "are limited", "little attention",
    ];

    private static readonly string[] Boilerplate =
    [
        "code is available", "code are available", "code and data", "code and models", "is available at", "are available at",
        "publicly available", "will be released", "will be made", "project page", "http", "github", "our code", "code:",
    ];

    /// <summary>At most <paramref name="max"/> sentences that carry the contribution and the result, in text order.</summary>
    public static IReadOnlyList<string> Of(string abstractText, int max = 2)
    {
        var ranked = Rank(abstractText);
        if (ranked.Count == 0 || max <= 0) return [];
        var best = ranked.MaxBy(s => (s.Score, -s.Index))!;
        var chosen = new List<RankedSentence> { best };
        if (max >= 2)
        {
            // Complete the picture: a contribution wants its result and a result its contribution.
            IEnumerable<RankedSentence> others = ranked.Where(s => s.Index != best.Index && s.Score >= 1);
            var complement = best switch
            {
                { Contribution: true, Result: false } => others.Where(s => s.Result),
                { Result: true, Contribution: false } => others.Where(s => s.Contribution),
                _ => others,
            };
            var second = complement.MaxBy(s => (s.Score, -s.Index)) ?? others.MaxBy(s => (s.Score, -s.Index));
            if (second is not null) chosen.Add(second);
        }
        return chosen.OrderBy(s => s.Index).Select(s => Shorten(s.Text)).ToList();
    }

    /// <summary>Every sentence with its score, in text order.</summary>
    public static IReadOnlyList<RankedSentence> Rank(string abstractText)
    {
        var sentences = Sentences(abstractText);
        var ranked = new List<RankedSentence>(sentences.Count);
        for (int i = 0; i < sentences.Count; i++)
        {
            string text = sentences[i];
            string lower = text.ToLowerInvariant();
            double contribution = Cues(lower, StrongContribution, 3) + Math.Min(3, Cues(lower, WeakContribution, 1.5));
            double result = Cues(lower, StrongResult, 3) + Math.Min(2, Cues(lower, WeakResult, 1));
            int figures = KeyFigures.Of(text, 16).Count;
            double score = Math.Min(contribution, 5) + Math.Min(result, 5) + Math.Min(figures, 3);
            if (BackgroundStarts.Any(b => lower.StartsWith(b, StringComparison.Ordinal))) score -= 2;
            score -= Math.Min(3, Cues(lower, BackgroundCues, 1.5));
            if (Boilerplate.Any(b => lower.Contains(b, StringComparison.Ordinal))) score -= 6;
            int words = text.Count(c => c == ' ') + 1;
            if (words < 6) score -= 2;
            else if (words > 70) score -= 1;
            // Position: the opening sentences frame the paper; the tie goes to the earlier one anyway.
            if (i == 0) score += 0.5;
            else if (i == 1) score += 0.25;
            ranked.Add(new RankedSentence(i, text, score, contribution >= 3, result >= 3 || figures > 0));
        }
        return ranked;
    }

    private static double Cues(string lower, string[] cues, double weight)
    {
        double total = 0;
        foreach (var cue in cues)
            if (lower.Contains(cue, StringComparison.Ordinal)) total += weight;
        return total;
    }

    private static readonly string[] Abbreviations =
    [
        "e.g", "i.e", "et al", "etc", "vs", "cf", "fig", "figs", "eq", "eqs", "sec", "no", "approx", "resp", "dr", "mr", "ms", "prof", "st",
        "al", "ca", "incl", "viz",
    ];

    /// <summary>
    /// The sentences of a text: a '.', '!', '?' or '…' followed by a space and a capital, a digit or an
    /// opening quote or bracket ends one, unless it closes an abbreviation ("e.g.", "et al.") or an initial.
    /// </summary>
    public static IReadOnlyList<string> Sentences(string text)
    {
        var result = new List<string>();
        if (string.IsNullOrWhiteSpace(text)) return result;
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c is not ('.' or '!' or '?' or '…')) continue;
            int end = i + 1;
            while (end < text.Length && text[end] is '"' or '\'' or ')' or '”' or '’') end++;
            if (end >= text.Length || !char.IsWhiteSpace(text[end])) continue;
            int next = end;
            while (next < text.Length && char.IsWhiteSpace(text[next])) next++;
            if (next >= text.Length) break;
            char n = text[next];
            if (!(char.IsUpper(n) || char.IsDigit(n) || n is '"' or '(' or '[' or '“' or '\'' or '$')) continue;
            if (c == '.' && IsAbbreviation(text, start, i)) continue;
            Add(result, text, start, end);
            start = next;
            i = next - 1;
        }
        Add(result, text, start, text.Length);
        return result;
    }

    private static bool IsAbbreviation(string text, int start, int dot)
    {
        int w = dot;
        while (w > start && (char.IsLetter(text[w - 1]) || text[w - 1] == '.')) w--;
        var word = text.AsSpan(w, dot - w);
        if (word.Length == 1 && char.IsUpper(word[0])) return true; // an initial: "J. Smith"
        foreach (var a in Abbreviations)
            if (word.Equals(a, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static void Add(List<string> result, string text, int start, int end)
    {
        var s = text.AsSpan(start, end - start).Trim();
        if (s.Length > 0) result.Add(s.ToString());
    }

    private static string Shorten(string sentence)
    {
        if (sentence.Length <= MaxSentenceLength) return sentence;
        int cut = sentence.LastIndexOf(' ', MaxSentenceLength - 1);
        if (cut < MaxSentenceLength / 2) cut = MaxSentenceLength - 1;
        return sentence[..cut].TrimEnd(',', ';', ':', ' ') + "…";
    }
}
