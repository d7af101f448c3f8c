using System.Globalization;

namespace PaperLsp.Core.Features;

public enum FigureKind
{
    /// <summary>96.0%, 12 percent.</summary>
    Percentage,
    /// <summary>3x faster, 10× fewer parameters, 4-fold.</summary>
    Factor,
    /// <summary>A number next to a benchmark or metric name: 45.3 BLEU, 81.5 on ShapeNet.</summary>
    Score,
}

/// <summary>A figure an abstract reports.</summary>
/// <param name="Value">As written, trimmed of surrounding punctuation ("96.0%", "5.2x faster").</param>
/// <param name="Delta">A signed change written right after it ("+4.7%"), or null.</param>
/// <param name="Benchmark">The dataset, benchmark or metric it is reported on, or null.</param>
public sealed record KeyFigure(FigureKind Kind, string Value, string? Delta, string? Benchmark)
{
    public override string ToString() =>
        Value + (Delta is null ? "" : $" ({Delta})") + (Benchmark is null ? "" : Kind == FigureKind.Score && IsMetric(Benchmark) ? $" {Benchmark}" : $" on {Benchmark}");

    internal static bool IsMetric(string word) => KeyFigures.Metrics.Contains(word);
}

/// <summary>
/// The key figures of an abstract: percentages, factors ("N× / Nx faster"), and numbers next to
/// dataset or benchmark names ("ModelNet40", "ImageNet", "COCO") or metrics ("BLEU", "mIoU").
/// A token scan, no regular expressions.
/// </summary>
public static class KeyFigures
{
    internal static readonly HashSet<string> Metrics = new(StringComparer.OrdinalIgnoreCase)
    {
        "BLEU", "ROUGE", "ROUGE-L", "mAP", "AP", "mIoU", "IoU", "F1", "F1-score", "AUC", "AUROC", "FID", "PSNR", "SSIM", "LPIPS", "dB", "EM",
        "accuracy", "top-1", "top-5", "points", "pp", "WER", "CER", "perplexity", "ppl", "NDCG", "MRR", "Elo", "pass@1",
    };

    private static readonly HashSet<string> Comparatives = new(StringComparer.OrdinalIgnoreCase)
    {
        "faster", "speedup", "speed-up", "speedups", "fewer", "smaller", "less", "more", "lower", "higher", "cheaper", "larger", "reduction",
        "compression", "improvement", "acceleration", "cheaper", "better", "longer", "shorter", "quicker",
    };

    private static readonly HashSet<string> Linkers = new(StringComparer.OrdinalIgnoreCase) { "on", "in", "for", "across", "over", "at", "of", "the", "and" };

    private static readonly HashSet<string> NotBenchmarks = new(StringComparer.Ordinal)
    {
        "LLM", "LLMs", "CNN", "CNNs", "GPU", "GPUs", "CPU", "CPUs", "TPU", "TPUs", "API", "APIs", "RGB", "RL", "NLP", "AI", "ML", "SOTA", "MLLM", "MLLMs",
        "VLM", "VLMs", "GNN", "GNNs", "RNN", "LSTM", "MLP", "ViT", "We", "Our", "The", "This", "In", "On",
    };

    public static IReadOnlyList<KeyFigure> Of(string text, int max = 8)
    {
        var figures = new List<KeyFigure>();
        if (string.IsNullOrEmpty(text)) return figures;
        var tokens = Tokenize(text);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int lastFigure = -2;
        for (int i = 0; i < tokens.Count && figures.Count < max; i++)
        {
            var t = tokens[i];
            var (kind, value, width) = Classify(tokens, i);
            if (kind is null) continue;
            // "(+4.7%)" right after a figure is that figure's change, not a figure of its own.
            if (kind == FigureKind.Percentage && t.Raw.StartsWith('(') && value[0] is '+' or '-' or '−' or '±' && lastFigure == i - 1 && figures.Count > 0)
            {
                if (figures[^1].Delta is null) figures[^1] = figures[^1] with { Delta = value };
                lastFigure = i;
                continue;
            }
            string? benchmark = kind == FigureKind.Score ? ScoreContext(tokens, i) : After(tokens, i + width);
            var figure = new KeyFigure(kind.Value, value, null, benchmark);
            if (seen.Add(figure.Value + "|" + figure.Benchmark)) figures.Add(figure);
            lastFigure = i + width - 1;
            i += width - 1;
        }
        return figures;
    }

    private readonly record struct Token(string Raw, string Clean, bool EndsClause);

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        foreach (var raw in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            string clean = raw.Trim('(', '[', '"', '\'', '“', '”', '’', ')', ']', ',', ';', ':', '.', '!', '?', '*');
            // Keep a closing ')' or '.' that belongs to the token ("ROUGE-L", "96.0%").
            bool endsClause = raw.Length > 0 && raw[^1] is ',' or ';' or ':' or '.' or '!' or '?' or ')';
            tokens.Add(new Token(raw, clean, endsClause));
        }
        return tokens;
    }

    private static (FigureKind? Kind, string Value, int Width) Classify(List<Token> tokens, int i)
    {
        string s = tokens[i].Clean;
        if (s.Length == 0) return (null, "", 1);
        string? next = i + 1 < tokens.Count ? tokens[i + 1].Clean : null;
        // 96.0%, +4.7%, ~12%
        if (s[^1] == '%' && IsNumber(s.AsSpan(0, s.Length - 1), signed: true)) return (FigureKind.Percentage, s, 1);
        if (IsNumber(s, signed: true) && next is not null && (next is "%" || next.Equals("percent", StringComparison.OrdinalIgnoreCase)))
            return (FigureKind.Percentage, s + (next == "%" ? "%" : " percent"), 2);
        // 5.2x, 10×, ×3, 4-fold, "3 times faster"
        if (IsFactor(s))
        {
            bool comparative = next is not null && Comparatives.Contains(next);
            return (FigureKind.Factor, comparative ? s + " " + next : s, comparative ? 2 : 1);
        }
        if (IsNumber(s, signed: false) && next is "times" or "×" or "x" && i + 2 < tokens.Count && Comparatives.Contains(tokens[i + 2].Clean))
            return (FigureKind.Factor, $"{s} {next} {tokens[i + 2].Clean}", 3);
        // A number next to a benchmark or metric name.
        if (IsNumber(s, signed: false) && (s.Contains('.', StringComparison.Ordinal) || IsNotable(s)) && ScoreContext(tokens, i) is not null)
            return (FigureKind.Score, s, 1);
        return (null, "", 1);
    }

    /// <summary>An integer worth reporting next to a name: not a small count and not a year.</summary>
    private static bool IsNotable(string s) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n >= 10 && !(n is >= 1900 and <= 2100);

    private static string? ScoreContext(List<Token> tokens, int i)
    {
        if (i + 1 < tokens.Count && Metrics.Contains(tokens[i + 1].Clean)) return tokens[i + 1].Clean;
        if (i > 0 && !tokens[i - 1].EndsClause && IsBenchmarkName(tokens[i - 1].Clean)) return tokens[i - 1].Clean;
        return After(tokens, i + 1);
    }

    /// <summary>The benchmark named right after a figure ("on ModelNet40", "on the FG3D dataset"), in the same clause.</summary>
    private static string? After(List<Token> tokens, int from)
    {
        if (from > 0 && tokens[from - 1].EndsClause && !tokens[from - 1].Raw.EndsWith(')')) return null;
        for (int j = from; j < tokens.Count && j < from + 5; j++)
        {
            var t = tokens[j];
            if (t.Raw.StartsWith('(') && t.Clean.EndsWith('%')) continue; // a delta: "(+4.7%)"
            bool metric = Metrics.Contains(t.Clean); // "76.2% top-1 accuracy on ImageNet", "81.5% mIoU on ShapeNet"
            if (!metric && IsBenchmarkName(t.Clean)) return t.Clean;
            if (!(metric || Linkers.Contains(t.Clean)) || t.EndsClause) return null;
        }
        return null;
    }

    /// <summary>ModelNet40, CIFAR-10, ImageNet, ScanObjectNN, COCO, GLUE: letters with digits, inner capitals, or all capitals.</summary>
    internal static bool IsBenchmarkName(string s)
    {
        if (s.Length < 3 || !char.IsLetter(s[0]) || NotBenchmarks.Contains(s)) return false;
        bool digit = false, lowerThenUpper = false, allUpper = true, sawLower = false;
        foreach (char c in s)
        {
            if (char.IsDigit(c)) digit = true;
            else if (char.IsLower(c))
            {
                sawLower = true;
                allUpper = false;
            }
            else if (char.IsUpper(c))
            {
                if (sawLower) lowerThenUpper = true;
            }
            else if (c is not ('-' or '_' or '.')) return false;
        }
        return (digit && char.IsUpper(s[0]) && !IsUnitLike(s)) || lowerThenUpper || (allUpper && s.Count(char.IsLetter) >= 3);
    }

    /// <summary>"2D", "3D", "H100", "V100": letters with digits that name no benchmark.</summary>
    private static bool IsUnitLike(string s) => s.Length <= 2 || s is "A100" or "H100" or "V100" or "B200";

    private static bool IsFactor(string s)
    {
        if (s.EndsWith("-fold", StringComparison.OrdinalIgnoreCase)) return IsNumber(s.AsSpan(0, s.Length - 5), signed: false);
        if (s.Length >= 2 && s[^1] is 'x' or '×' or 'X') return IsNumber(s.AsSpan(0, s.Length - 1), signed: false);
        if (s.Length >= 2 && s[0] == '×') return IsNumber(s.AsSpan(1), signed: false);
        return false;
    }

    private static bool IsNumber(ReadOnlySpan<char> s, bool signed)
    {
        if (signed && s.Length > 0 && s[0] is '+' or '-' or '−' or '±' or '~' or '≈') s = s[1..];
        if (s.Length == 0 || !char.IsAsciiDigit(s[0]) || !char.IsAsciiDigit(s[^1])) return false;
        bool dot = false;
        foreach (char c in s)
        {
            if (char.IsAsciiDigit(c) || c == ',') continue;
            if (c == '.' && !dot)
            {
                dot = true;
                continue;
            }
            return false;
        }
        return true;
    }
}
