using System.Text;

namespace PaperLsp.Core.Tests.Support;

/// <summary>
/// Random digests of every dialect of DESIGN §1, with the mess real copies have: CRLF, a BOM, no final
/// newline, astral characters and LaTeX in titles, glued and stray boilerplate, page-copy cards, hard-wrapped
/// and split abstracts, damaged URLs, notes with statuses, duplicate copies and suppression markers.
/// Deterministic for a seed.
/// </summary>
public static class DigestGenerator
{
    public static readonly string[] Dialects =
        ["spaced", "compact", "glued", "page-copy", "annotated", "mixed", "markdown-headings", "markdown-bold", "markdown-table", "markdown-details"];

    private static readonly string[] Words =
    [
        "graph", "neural", "sparse", "attention", "robust", "tiny", "streaming", "federated", "causal", "quantum", "retrieval",
        "vision", "diffusion", "token", "memory", "agents", "kernels", "lattice", "fields", "priors",
    ];

    private static readonly string[] Oddities = ["𝔸", "📜", "$\\nabla^2$", "$\\textit{C. elegans}$", "Ω", "🚀"];

    public sealed record Generated(string Name, string Text);

    public static Generated Generate(string dialect, int seed)
    {
        var rng = new Random(seed * 31 + Array.IndexOf(Dialects, dialect));
        var g = new Writer(rng);
        bool markdown = dialect.StartsWith("markdown", StringComparison.Ordinal);
        string text = dialect switch
        {
            "spaced" => Plain(g, rng, compact: false, glued: false, page: false, notes: false),
            "compact" => Plain(g, rng, compact: true, glued: false, page: false, notes: false),
            "glued" => Plain(g, rng, compact: true, glued: true, page: false, notes: false),
            "page-copy" => Plain(g, rng, compact: true, glued: false, page: true, notes: false),
            "annotated" => Plain(g, rng, compact: false, glued: false, page: false, notes: true),
            "mixed" => Plain(g, rng, compact: rng.Next(2) == 0, glued: rng.Next(2) == 0, page: rng.Next(2) == 0, notes: true),
            "markdown-headings" => Markdown(g, rng, "heading"),
            "markdown-bold" => Markdown(g, rng, "bold"),
            "markdown-table" => Markdown(g, rng, "table"),
            _ => Markdown(g, rng, "details"),
        };
        if (rng.Next(3) == 0) text = text.Replace("\n", "\r\n", StringComparison.Ordinal);
        if (rng.Next(3) == 0) text = text.TrimEnd('\r', '\n');
        if (rng.Next(6) == 0) text = "\uFEFF" + text;
        return new Generated($"gen-{dialect}-{seed}{(markdown ? ".md" : ".digest")}", text);
    }

    private sealed class Writer(Random rng)
    {
        private readonly List<(string Title, string Abstract)> _written = [];
        private int _n;

        public (string Title, string Abstract) Paper()
        {
            if (_written.Count > 0 && rng.Next(8) == 0) return _written[rng.Next(_written.Count)]; // an exact copy
            if (_written.Count > 0 && rng.Next(12) == 0)
            {
                var (t, _) = _written[rng.Next(_written.Count)];
                return (t, Abstract()); // the same title over another abstract
            }
            var paper = (Title(), Abstract());
            _written.Add(paper);
            return paper;
        }

        private string Title()
        {
            string w1 = Cap(Words[rng.Next(Words.Length)]), w2 = Cap(Words[rng.Next(Words.Length)]), w3 = Words[rng.Next(Words.Length)];
            string odd = rng.Next(3) == 0 ? " " + Oddities[rng.Next(Oddities.Length)] : "";
            return $"{w1}{_n++}{odd}: {w2} Methods for {Cap(w3)} Data";
        }

        private string Abstract()
        {
            string a = Words[rng.Next(Words.Length)], b = Words[rng.Next(Words.Length)];
            var sb = new StringBuilder();
            sb.Append($"We study {a} {b} models at scale and propose a simple method that works. It improves accuracy by {rng.Next(1, 40)}.{rng.Next(10)}% ");
            sb.Append($"on {rng.Next(2, 9)} benchmarks and runs {rng.Next(2, 20)}x faster than prior work.");
            switch (rng.Next(6))
            {
                case 0: sb.Append($" Code: https://github.com/lab{rng.Next(99)}/{a}-{b}."); break;
                case 1: sb.Append($" Code: https://github.com/lab/{a}{{https://github.com/lab/{a}\\_{b}}}."); break;
                case 2: sb.Append($" See https://github.com/lab/{a}\\_{b} for details."); break;
                case 3: sb.Append(" Text in 𝔸 and 📜 survives."); break;
            }
            if (rng.Next(4) == 0) sb.Append(" We also analyse failure cases and release our evaluation suite for the community.");
            return sb.ToString();
        }

        private static string Cap(string w) => char.ToUpperInvariant(w[0]) + w[1..];
    }

    private static string Plain(Writer g, Random rng, bool compact, bool glued, bool page, bool notes)
    {
        var sb = new StringBuilder();
        string sep = compact ? "\n" : "\n\n";
        if (page)
        {
            sb.Append("Hugging Face\nModels\nhttps://huggingface.co/models\nPapers\n");
        }
        if (glued) sb.Append("Get trending papers in your email inbox!\nSubscribe");
        else if (rng.Next(2) == 0) sb.Append("new").Append(sep).Append("Daily Papers").Append(sep).Append("Sep 10").Append(sep);
        int count = rng.Next(2, 9);
        for (int k = 0; k < count; k++)
        {
            var (title, abs) = g.Paper();
            if (k > 0 && rng.Next(10) == 0) sb.Append("<!-- paperlsp: allow-duplicate -->\n");
            if (page && k > 0)
            {
                sb.Append(rng.Next(2) == 0 ? $"[-] {rng.Next(100)}\n" : "[-] -\n");
                sb.Append($"https://huggingface.co/papers/2502.{10000 + rng.Next(9000)}\n");
                if (rng.Next(3) == 0) sb.Append("https://huggingface.co/login?next=%2Fpapers%2F2502.04321\n");
            }
            sb.Append(title).Append(rng.Next(8) == 0 ? "  " : "");
            if (page && rng.Next(2) == 0) sb.Append($"\n[\n{rng.Next(1, 9)} authors\n](https://huggingface.co/papers/2502.01234#authors)\n·\nFeb {rng.Next(1, 28)}, 2025");
            if (!page && !compact && rng.Next(8) == 0) sb.Append("\n\n"); // split from its title by two blank lines (PD005)
            sb.Append(page ? "\n" : sep);
            if (!compact && rng.Next(4) == 0) sb.Append(Wrap(abs, rng));
            else sb.Append(abs);
            if (!compact && rng.Next(8) == 0)
                sb.Append("\n\nThe method also transfers to new domains without retraining, which we show on three further datasets of images and text.");
            if (notes && rng.Next(2) == 0) sb.Append($"\n> #{new[] { "toread", "read", "skip", "reading", "graphs" }[rng.Next(5)]} a note");
            if (page && rng.Next(3) == 0) sb.Append($"\n{rng.Next(2, 30)} comments");
            sb.Append(sep);
            if (k + 1 < count && rng.Next(12) == 0) sb.Append("Subscribe").Append(sep); // boilerplate inside the list (PD009)
            if (!compact && rng.Next(10) == 0) sb.Append('\n');
        }
        return sb.ToString();
    }

    private static string Wrap(string text, Random rng)
    {
        var words = text.Split(' ');
        var sb = new StringBuilder();
        int width = rng.Next(30, 70), col = 0;
        foreach (var w in words)
        {
            if (col > 0 && col + w.Length > width) { sb.Append('\n'); col = 0; }
            else if (col > 0) { sb.Append(' '); col++; }
            sb.Append(w);
            col += w.Length;
        }
        return sb.ToString();
    }

    private static string Markdown(Writer g, Random rng, string layout)
    {
        var sb = new StringBuilder("# Reading list\n\n");
        int sections = rng.Next(1, 3);
        for (int s = 0; s < sections; s++)
        {
            sb.Append($"## Topic {s}\n\n");
            if (layout == "table") sb.Append("| Title | Abstract | Links |\n|---|---|---|\n");
            int count = rng.Next(1, 5);
            for (int k = 0; k < count; k++)
            {
                var (title, abs) = g.Paper();
                bool marker = rng.Next(10) == 0;
                switch (layout)
                {
                    case "heading":
                        if (marker) sb.Append("<!-- paperlsp: allow-duplicate -->\n");
                        sb.Append($"### {title}\n\n{(rng.Next(3) == 0 ? Wrap(abs, rng) : abs)}\n\n");
                        if (rng.Next(2) == 0) sb.Append($"[arXiv](https://arxiv.org/abs/2503.{10000 + rng.Next(9000)})\n\n");
                        if (rng.Next(2) == 0) sb.Append("> #toread a note\n\n");
                        if (rng.Next(8) == 0) sb.Append("\n\n");
                        break;
                    case "bold":
                        if (marker) sb.Append("<!-- paperlsp: allow-duplicate -->\n");
                        sb.Append($"**{title}**\n{abs}\n\n");
                        if (rng.Next(3) == 0) sb.Append("> #read\n\n");
                        break;
                    case "table":
                        sb.Append($"| {title} | {abs} | [arXiv](https://arxiv.org/abs/2409.{10000 + s * 100 + k}) |\n");
                        break;
                    default:
                        sb.Append($"<details>\n<summary>{title}</summary>\n\n{abs}\n\n</details>\n\n");
                        break;
                }
            }
            if (layout == "table") sb.Append('\n');
        }
        return sb.ToString();
    }
}
