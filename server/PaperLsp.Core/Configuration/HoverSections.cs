namespace PaperLsp.Core.Configuration;

/// <summary>The parts of a title hover the user wants (setting <c>hover.sections</c>).</summary>
[Flags]
public enum HoverSections
{
    None = 0,
    Tldr = 1,
    Figures = 2,
    ReadingTime = 4,
    Links = 8,
    Meta = 16,
    Copies = 32,
    All = Tldr | Figures | ReadingTime | Links | Meta | Copies,
}
