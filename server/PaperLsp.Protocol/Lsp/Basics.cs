using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaperLsp.Protocol.Lsp;

/// <summary>A zero-based line and character; the character counts code units of the negotiated position encoding (UTF-16 by default).</summary>
public sealed record Position(int Line, int Character);

/// <summary>A span from <see cref="Start"/> (inclusive) to <see cref="End"/> (exclusive). Named as in the spec; it shadows <see cref="System.Range"/>.</summary>
public sealed record Range(Position Start, Position End);

public sealed record Location(string Uri, Range Range);

public sealed record LocationLink(string TargetUri, Range TargetRange, Range TargetSelectionRange, Range? OriginSelectionRange = null);

public sealed record TextEdit(Range Range, string NewText);

/// <summary>Edits per document URI (the <c>changes</c> form; URIs are dictionary keys, so no naming policy touches them).</summary>
public sealed record WorkspaceEdit(IReadOnlyDictionary<string, IReadOnlyList<TextEdit>>? Changes = null);

/// <summary>A command for the client to run. <see cref="Name"/> is <c>command</c> on the wire (C# forbids a member named after its type).</summary>
public sealed record Command(string Title, [property: JsonPropertyName("command")] string Name, IReadOnlyList<JsonElement>? Arguments = null);

public sealed record MarkupContent(string Kind, string Value);

// The "kind" enumerations below are open sets of strings on the wire (clients and servers may add
// their own values), so they are string constants rather than C# enums.

public static class MarkupKind
{
    public const string PlainText = "plaintext";
    public const string Markdown = "markdown";
}

public static class PositionEncodingKind
{
    public const string Utf8 = "utf-8";
    public const string Utf16 = "utf-16";
    public const string Utf32 = "utf-32";
}
