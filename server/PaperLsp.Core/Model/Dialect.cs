namespace PaperLsp.Core.Model;

/// <summary>The layouts of DESIGN §1 that a digest (or part of one) was written in.</summary>
[Flags]
public enum Dialect
{
    None = 0,
    Spaced = 1,
    Compact = 2,
    PageCopy = 4,
    Markdown = 8,
    Annotated = 16,
}
