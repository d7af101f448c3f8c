using PaperLsp.Core.Text;

namespace PaperLsp.Core.Model;

public enum SectionKind
{
    Date,
    Topic,
}

/// <summary>A date or topic heading and the papers under it.</summary>
public sealed record Section(int Index, SectionKind Kind, string Title, TextSpan TitleSpan, TextSpan Span, int Level, int ParentIndex);
