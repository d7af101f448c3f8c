using PaperLsp.Core.Diagnostics;
using PaperLsp.Core.Formatting;
using PaperLsp.Core.Model;
using PaperLsp.Core.Text;

namespace PaperLsp.Core.Fixes;

/// <summary>What a run of the safe fixes did: the new text, its edits on the old text, and a line per step.</summary>
public sealed record FixRun(string Text, IReadOnlyList<SpanEdit> Edits, IReadOnlyList<string> Applied, IReadOnlyList<string> Skipped, DigestDocument Document)
{
    public bool Changed => Edits.Count > 0;
}

/// <summary>
/// The fixes that delete nothing but whitespace and page boilerplate, applied in rounds until nothing
/// changes: split glued phrases (PD003), remove page boilerplate keeping metadata (PD009 and page
/// lines), join split abstracts (PD005), then format (compact → spaced). With <c>removeDuplicates</c>, later
/// exact copies of a paper inside one file go too. Every round is checked by <see cref="FixVerifier"/>; a
/// round that would change a paper's text is skipped and reported.
/// </summary>
public static class SafeFixes
{
    public static readonly IReadOnlySet<string> Codes = new HashSet<string>(StringComparer.Ordinal)
    {
        DiagnosticCodes.GluedBoilerplate, DiagnosticCodes.SplitAbstract, DiagnosticCodes.BoilerplateInList,
    };

    private const int MaxPasses = 4;

    public static FixRun Run(DigestDocument doc, string? fileName, bool removeDuplicates)
    {
        ArgumentNullException.ThrowIfNull(doc);
        string original = doc.Text.ToString();
        IReadOnlyList<SpanEdit> composed = [];
        var applied = new List<string>();
        var skipped = new List<string>();
        var steps = new List<(string Name, Func<DigestDocument, Fix?> Make)>
        {
            ("split", d => CodeFixes.AllOfKind(d, d.Problems, DiagnosticCodes.GluedBoilerplate)
                ?? d.Problems.Where(p => p.Code == DiagnosticCodes.GluedBoilerplate).Select(p => SplitGlued.For(d, p)).FirstOrDefault(f => f is not null)),
            ("boilerplate", d => RemoveBoilerplate.PageCopy(d, d.Problems, keepMetadata: true)),
            ("join", d => CodeFixes.AllOfKind(d, d.Problems, DiagnosticCodes.SplitAbstract)
                ?? d.Problems.Where(p => p.Code == DiagnosticCodes.SplitAbstract).Select(p => JoinAbstract.For(d, p)).FirstOrDefault(f => f is not null)),
        };
        if (removeDuplicates) steps.Add(("duplicates", RemoveDuplicate.ExactCopies));
        steps.Add(("format", d => DigestFormatter.Edits(d, fileName) is { Count: > 0 } edits
            ? new Fix("format", "format", new TextSpan(0, d.Text.Length), () => edits) { Count = edits.Count }
            : null));

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        int blankLines = 0;
        for (int pass = 0; pass < MaxPasses; pass++)
        {
            bool changed = false;
            foreach (var (name, make) in steps)
            {
                if (make(doc) is not { } fix || fix.Edits.Count == 0) continue;
                var after = FixVerifier.Apply(doc, fix, fileName, out string? failure);
                if (after is null)
                {
                    skipped.Add($"{Describe(name, fix.Count)}: not applied, {failure}");
                    continue;
                }
                if (name == "format")
                {
                    string eol = DocLines.LineEndingOf(doc.Text.ToString());
                    var lines = new DocLines(doc);
                    blankLines += fix.Edits.Count(e => e.Span.Length == 0 && e.NewText == eol && e.Span.Start < doc.Text.Length
                        && lines[lines.LineOf(e.Span.Start)].Start == e.Span.Start);
                }
                composed = Edits.Compose(original, composed, fix.Edits);
                counts[name] = counts.GetValueOrDefault(name) + (name == "format" ? fix.Edits.Count : fix.Count);
                doc = after;
                changed = true;
            }
            if (!changed) break;
        }
        foreach (var (name, _) in steps)
            if (counts.TryGetValue(name, out int n))
                applied.Add(name == "format" ? Format(n, blankLines) : Describe(name, n));
        return new FixRun(doc.Text.ToString(), composed, applied, skipped, doc);
    }

    private static string Describe(string step, int n) => step switch
    {
        "split" => $"split the glued page phrase from {Plural(n, "title")} (PD003)",
        "boilerplate" => $"removed {Plural(n, "page boilerplate line")}",
        "join" => $"joined {Plural(n, "split abstract")} (PD005)",
        "duplicates" => $"removed {Plural(n, "exact duplicate copy", "exact duplicate copies")} (PD001)",
        _ => $"formatted ({Plural(n, "whitespace edit")})",
    };

    private static string Format(int edits, int blankLines) => blankLines == 0
        ? $"formatted ({Plural(edits, "whitespace edit")})"
        : edits == blankLines
            ? $"formatted: inserted {Plural(blankLines, "blank line")} (compact → spaced)"
            : $"formatted: inserted {Plural(blankLines, "blank line")} (compact → spaced) and made {Plural(edits - blankLines, "other whitespace edit")}";

    private static string Plural(int n, string one, string? many = null) => n == 1 ? $"1 {one}" : $"{n} {many ?? one + "s"}";
}
