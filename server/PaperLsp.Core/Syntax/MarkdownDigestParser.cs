namespace PaperLsp.Core.Syntax;

internal static class MarkdownDigestParser
{
    public static void Parse(ParseDraft draft) => PlainDigestParser.Parse(draft);
}
