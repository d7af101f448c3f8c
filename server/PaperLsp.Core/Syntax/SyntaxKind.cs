namespace PaperLsp.Core.Syntax;

public enum SyntaxKind
{
    // Composite nodes.
    Document,
    Preamble,
    Section,
    Paper,

    // Lines (each includes its line break).
    BlankLine,
    BoilerplateLine,
    DateLine,
    HeadingLine,
    TitleLine,
    AbstractLine,
    NoteLine,
    VoteLine,
    UrlLine,
    AuthorsLine,
    OrganisationLine,
    SeparatorLine,
    CommentCountLine,
    LinkLine,
    TableLine,
    HtmlLine,
    SuppressionLine,
    TextLine,

    // Tokens inside a line.
    ByteOrderMark,
    GluedBoilerplate,
    TitleText,
}
