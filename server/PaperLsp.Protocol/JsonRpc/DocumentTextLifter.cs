using System.Buffers;
using System.Text.Json;
using PaperLsp.Protocol.Lsp;

namespace PaperLsp.Protocol.JsonRpc;

/// <summary>
/// Reads a notification that carries a whole document — <c>textDocument/didOpen</c>'s <c>textDocument.text</c>,
/// <c>textDocument/didChange</c>'s <c>contentChanges[0].text</c> — without a JSON document of the text: it is
/// decoded once, straight from the body into a string (<see cref="Utf8JsonString"/>), the rest of the message,
/// with <c>""</c> in its place, goes the usual way, and <see cref="NotificationMessage.ParamsAs"/> puts the text back.
/// Parsing the text into a JSON document and then binding it read and copied a 20 MB digest three times
/// (217 ms), more than parsing the digest itself.
/// On any doubt (another large string, the text anywhere else, a member on its path given twice, anything
/// invalid) this gives up, and the general reader handles the message exactly as it always has.
/// </summary>
internal static class DocumentTextLifter
{
    // As MessageReader's: a pool would keep a huge array alive for good.
    private const int PooledLimit = 1024 * 1024;

    private static readonly Dictionary<string, string> MethodByTextPath = new(StringComparer.Ordinal)
    {
        ["params.textDocument.text"] = Methods.TextDocumentDidOpen,
        ["params.contentChanges[0].text"] = Methods.TextDocumentDidChange,
    };

    /// <param name="body">A message body, valid UTF-8.</param>
    /// <param name="minTextBytes">The text must be the only string in the body at least this long.</param>
    /// <param name="result">The notification, its text lifted out of its params.</param>
    public static bool TryParse(ReadOnlySpan<byte> body, int minTextBytes, out ReadResult result)
    {
        result = default;
        if (!Utf8JsonString.TryFindOnlyLong(body, minTextBytes, out var found))
        {
            return false;
        }

        // The body without the text's content. The text is decoded last, once the rest says it is a document's.
        (int start, int length) = (found.Start, found.Length);
        int restLength = body.Length - length + 2;
        bool pooled = restLength <= PooledLimit;
        byte[] rest = pooled ? ArrayPool<byte>.Shared.Rent(restLength) : GC.AllocateUninitializedArray<byte>(restLength);
        try
        {
            body[..(start + 1)].CopyTo(rest);
            body[(start + length - 1)..].CopyTo(rest.AsSpan(start + 1));
            var json = rest.AsSpan(0, restLength);
            if (PathToString(json, start) is not { } path || !MethodByTextPath.TryGetValue(path, out string? method)
                || !MessageParser.TryParseJson(json, out var root, out _)
                || MessageParser.Interpret(root).Message is not NotificationMessage notification || notification.Method != method)
            {
                return false;
            }

            result = ReadResult.Received(notification with { LiftedText = Utf8JsonString.Decode(body, found) });
            return true;
        }
        finally
        {
            if (pooled)
            {
                ArrayPool<byte>.Shared.Return(rest);
            }
        }
    }

    /// <summary>
    /// The path (<c>params.contentChanges[0].text</c>) to the string value that starts at <paramref name="offset"/>;
    /// null if there is none, or if a member on the way has a namesake in its object (ignoring case, to be safe
    /// whatever the binder's rule), or a name that would make the path ambiguous.
    /// </summary>
    private static string? PathToString(ReadOnlySpan<byte> json, int offset)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            return reader.Read() ? PathWithin(ref reader, offset) : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a member name that escapes a lone surrogate cannot become a string.
            return null;
        }
    }

    /// <summary>Reads the value the reader is on, to its last token; the path from it to the string at <paramref name="offset"/>, if inside.</summary>
    private static string? PathWithin(ref Utf8JsonReader reader, int offset)
    {
        string? found = null;
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.TokenStartIndex == offset ? "" : null;
            case JsonTokenType.StartArray:
                for (int index = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; index++)
                {
                    if (found is not null)
                    {
                        reader.Skip();
                    }
                    else if (PathWithin(ref reader, offset) is { } inner)
                    {
                        found = $"[{index}]{Dotted(inner)}";
                    }
                }

                return found;
            case JsonTokenType.StartObject:
                var names = new List<string>();
                string? via = null;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    string name = reader.GetString()!;
                    names.Add(name);
                    reader.Read();
                    if (found is not null)
                    {
                        reader.Skip();
                    }
                    else if (PathWithin(ref reader, offset) is { } inner)
                    {
                        (via, found) = (name, name + Dotted(inner));
                    }
                }

                bool plain = via is not null && via.AsSpan().IndexOfAny(".[]") < 0
                    && names.Count(n => string.Equals(n, via, StringComparison.OrdinalIgnoreCase)) == 1;
                return plain ? found : null;
            default:
                return null;
        }
    }

    private static string Dotted(string inner) => inner.Length == 0 || inner[0] == '[' ? inner : "." + inner;
}
