using PaperLsp.Core.Syntax;

namespace PaperLsp.Core.Workspace;

/// <summary>Decides whether a file is a digest, from its name and the first part of its text.</summary>
public static class DigestSniffer
{
    public static readonly IReadOnlyList<string> DigestExtensions = [".digest", ".papers", ".digest.md"];
    public static readonly IReadOnlyList<string> SniffedExtensions = [".txt", ".md"];

    public static bool HasDigestExtension(string fileName) =>
        DigestExtensions.Any(e => fileName.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    public static bool MaySniff(string fileName) =>
        SniffedExtensions.Any(e => fileName.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    /// <summary>True for a daily-papers copy or a text where most lines are titles and abstracts.</summary>
    public static bool LooksLikeDigest(string fileName, string head)
    {
        ArgumentNullException.ThrowIfNull(head);
        if (HasDigestExtension(fileName)) return true;
        if (!MaySniff(fileName)) return false;
        foreach (var line in head.AsSpan().EnumerateLines())
        {
            if (line.IsWhiteSpace()) continue;
            if (LineClassifier.IsBoilerplate(line.TrimStart('\uFEFF')) || LineClassifier.GluedPrefixLength(line.TrimStart('\uFEFF')) > 0) return true;
            break;
        }
        var doc = DigestParser.Parse(head, fileName);
        int withAbstract = doc.Papers.Count(p => p.HasAbstract);
        return withAbstract >= 2 && withAbstract * 2 >= doc.Papers.Count;
    }
}
