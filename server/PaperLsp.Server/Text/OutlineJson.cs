using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using PaperLsp.Core.Features;
using PaperLsp.Protocol.JsonRpc;
using PaperLsp.Protocol.Lsp;

namespace PaperLsp.Server.Text;

/// <summary>
/// The hierarchical outline as JSON (the bytes <c>JsonPayload.ToResult</c> would write for the same
/// <see cref="DocumentSymbol"/>s), with each paper's symbol serialised once and reused by the next versions
/// while its name, detail and positions stay the same: a keystroke changes one of 11,800 symbols in a
/// 20 MB digest, and the outline view asks again after every one.
/// </summary>
public static class OutlineJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The last outline's size: the next one is about as large (growing a 3 MB buffer by doubling copied it all).</summary>
    private static int s_lastLength = 64 * 1024;

    /// <summary>Keyed by the name's string instance, which a paper keeps for as long as no edit touches it.</summary>
    private static readonly ConditionalWeakTable<string, Fragment> Fragments = new();

    [ThreadStatic] private static ArrayBufferWriter<byte>? t_buffer;
    [ThreadStatic] private static Utf8JsonWriter? t_writer;
    [ThreadStatic] private static int t_reused;

    /// <summary>One paper's symbol and everything it was made from (all compared before it is reused).</summary>
    private sealed record Fragment(string? Detail, SymbolKind Kind, Range Range, Range SelectionRange, byte[] Json);

    public static JsonResult Write(IReadOnlyList<OutlineItem> outline, PositionMapper map, Func<OutlineItem, SymbolKind> kindOf) =>
        Write(outline, map, kindOf, out _);

    /// <param name="reused">How many symbols came from fragments kept from an earlier outline.</param>
    internal static JsonResult Write(IReadOnlyList<OutlineItem> outline, PositionMapper map, Func<OutlineItem, SymbolKind> kindOf, out int reused)
    {
        t_reused = 0;
        var result = WriteAll(outline, map, kindOf);
        reused = t_reused;
        return result;
    }

    private static JsonResult WriteAll(IReadOnlyList<OutlineItem> outline, PositionMapper map, Func<OutlineItem, SymbolKind> kindOf)
    {
        ArgumentNullException.ThrowIfNull(outline);
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(kindOf);
        var buffer = new ArrayBufferWriter<byte>(Volatile.Read(ref s_lastLength) + 4096);
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            int hint = -1;
            WriteItems(writer, outline, map, kindOf, ref hint);
        }
        Volatile.Write(ref s_lastLength, buffer.WrittenCount);
        return JsonResult.FromUtf8(buffer.WrittenMemory);
    }

    private static void WriteItems(Utf8JsonWriter writer, IReadOnlyList<OutlineItem> items, PositionMapper map, Func<OutlineItem, SymbolKind> kindOf, ref int hint)
    {
        writer.WriteStartArray();
        foreach (var item in items)
        {
            var kind = kindOf(item);
            var range = map.ToRange(item.Span, ref hint);
            int selectionHint = hint;
            var selection = map.ToRange(item.SelectionSpan, ref selectionHint);
            if (item.Children.Count == 0) writer.WriteRawValue(Leaf(item, kind, range, selection), skipInputValidation: true);
            else WriteParent(writer, item, kind, range, selection, map, kindOf, ref hint);
        }
        writer.WriteEndArray();
    }

    private static byte[] Leaf(OutlineItem item, SymbolKind kind, Range range, Range selection)
    {
        if (Fragments.TryGetValue(item.Name, out var known) && known.Kind == kind && known.Detail == item.Detail
            && known.Range == range && known.SelectionRange == selection)
        {
            t_reused++;
            return known.Json;
        }
        var symbol = new DocumentSymbol { Name = item.Name, Detail = item.Detail, Kind = kind, Range = range, SelectionRange = selection };
        // One writer per thread for the fragments: a first outline of 118,000 papers makes 118,000 of them.
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(512);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer, Options);
        writer.Reset(buffer);
        JsonSerializer.Serialize(writer, symbol, LspJsonContext.Default.DocumentSymbol);
        writer.Flush();
        byte[] json = buffer.WrittenSpan.ToArray();
        Fragments.AddOrUpdate(item.Name, new Fragment(item.Detail, kind, range, selection, json));
        return json;
    }

    /// <summary>A section: its own members as <see cref="DocumentSymbol"/> declares them, then its children.</summary>
    private static void WriteParent(Utf8JsonWriter writer, OutlineItem item, SymbolKind kind, Range range, Range selection,
        PositionMapper map, Func<OutlineItem, SymbolKind> kindOf, ref int hint)
    {
        writer.WriteStartObject();
        writer.WriteString("name", item.Name);
        if (item.Detail is not null) writer.WriteString("detail", item.Detail);
        writer.WriteNumber("kind", (int)kind);
        writer.WritePropertyName("range");
        JsonSerializer.Serialize(writer, range, LspJsonContext.Default.Range);
        writer.WritePropertyName("selectionRange");
        JsonSerializer.Serialize(writer, selection, LspJsonContext.Default.Range);
        writer.WritePropertyName("children");
        WriteItems(writer, item.Children, map, kindOf, ref hint);
        writer.WriteEndObject();
    }
}
