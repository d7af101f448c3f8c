using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaperLsp.Protocol.JsonRpc;

/// <summary>
/// A request id: an integer or a string. The kind is part of the identity (<c>1</c> and <c>"1"</c>
/// are different ids) and survives a JSON round trip.
/// </summary>
[JsonConverter(typeof(RequestIdJsonConverter))]
public readonly record struct RequestId
{
    private readonly long _number;
    private readonly string? _text;

    public RequestId(long number) => _number = number;

    public RequestId(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _text = text;
    }

    public bool IsNumber => _text is null;

    public long Number => IsNumber ? _number : throw new InvalidOperationException($"{this} is a string id.");

    public string Text => _text ?? throw new InvalidOperationException($"{this} is a number id.");

    /// <summary>Reads an id from JSON: an integer or a string; anything else (null, 1.5, {}) is not an id.</summary>
    public static bool TryRead(JsonElement json, out RequestId id)
    {
        switch (json.ValueKind)
        {
            case JsonValueKind.Number when json.TryGetInt64(out long number):
                id = new RequestId(number);
                return true;
            case JsonValueKind.String:
                id = new RequestId(json.GetString()!);
                return true;
            default:
                id = default;
                return false;
        }
    }

    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (_text is null)
        {
            writer.WriteNumberValue(_number);
        }
        else
        {
            writer.WriteStringValue(_text);
        }
    }

    /// <summary>The id as it appears in JSON: <c>7</c> or <c>"abc"</c>.</summary>
    public override string ToString() =>
        _text is null ? _number.ToString(CultureInfo.InvariantCulture) : $"\"{JsonEncodedText.Encode(_text, JavaScriptEncoder.UnsafeRelaxedJsonEscaping)}\"";
}

internal sealed class RequestIdJsonConverter : JsonConverter<RequestId>
{
    public override RequestId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        RequestId.TryRead(JsonElement.ParseValue(ref reader), out var id)
            ? id
            : throw new JsonException("An id must be an integer or a string.");

    public override void Write(Utf8JsonWriter writer, RequestId value, JsonSerializerOptions options) => value.WriteTo(writer);
}
