using System.Text.Json;

namespace PaperLsp.Protocol.JsonRpc;

/// <summary>
/// The result a request handler answers with: an already serialised UTF-8 JSON value (written into the
/// frame as it is, with no parse and no second serialisation: a 20 MB digest's outline is megabytes),
/// or a <see cref="JsonElement"/>.
/// </summary>
public readonly struct JsonResult
{
    private readonly ReadOnlyMemory<byte> _utf8;
    private readonly JsonElement _element;
    private readonly bool _isElement;

    private JsonResult(ReadOnlyMemory<byte> utf8, JsonElement element, bool isElement)
    {
        _utf8 = utf8;
        _element = element;
        _isElement = isElement;
    }

    /// <summary>A value serialised by this process (trusted to be one well-formed JSON value).</summary>
    public static JsonResult FromUtf8(ReadOnlyMemory<byte> utf8) => new(utf8, default, false);

    public static JsonResult FromElement(JsonElement element) => new(default, element, true);

    public static implicit operator JsonResult(JsonElement element) => FromElement(element);

    /// <summary>False for <c>default(JsonResult)</c> or an undefined element, which cannot be written.</summary>
    public bool IsDefined => _isElement ? _element.ValueKind != JsonValueKind.Undefined : !_utf8.IsEmpty;

    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (_isElement) _element.WriteTo(writer);
        else writer.WriteRawValue(_utf8.Span, skipInputValidation: true);
    }

    /// <summary>The value as an element (tests and logging; parses serialised bytes).</summary>
    public JsonElement ToElement() => _isElement ? _element : JsonElement.Parse(_utf8.Span);
}
