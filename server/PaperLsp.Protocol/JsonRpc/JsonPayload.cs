using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace PaperLsp.Protocol.JsonRpc;

/// <summary>Converts between typed params or results and the <see cref="JsonElement"/>s a message carries.</summary>
public static class JsonPayload
{
    /// <summary>JSON <c>null</c>, the result of a response that answered null.</summary>
    public static JsonElement Null { get; } = JsonElement.Parse("null");

    // Relaxed escaping, as the frame writer uses: the default encoder escapes every non-ASCII and
    // HTML-sensitive character, which made serialising a 20 MB digest's outline several times slower.
    private static readonly JsonWriterOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A handler's result, serialised once, straight into bytes the frame writer copies.</summary>
    public static JsonResult ToResult<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, Relaxed))
        {
            JsonSerializer.Serialize(writer, value, typeInfo);
        }
        return JsonResult.FromUtf8(buffer.WrittenMemory);
    }

    public static JsonElement ToElement<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, Relaxed))
        {
            JsonSerializer.Serialize(writer, value, typeInfo);
        }
        return JsonElement.Parse(buffer.WrittenSpan);
    }

    /// <summary>Deserializes params; throws <see cref="ResponseErrorException"/> with InvalidParams when they don't fit.</summary>
    public static T ReadParams<T>(JsonElement? json, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        if (json is not { ValueKind: not JsonValueKind.Null } element)
        {
            throw new ResponseErrorException(ErrorCodes.InvalidParams, "The params are missing.");
        }

        try
        {
            return element.Deserialize(typeInfo)
                ?? throw new ResponseErrorException(ErrorCodes.InvalidParams, "The params are missing.");
        }
        catch (JsonException e)
        {
            throw new ResponseErrorException(ErrorCodes.InvalidParams, $"Invalid params: {e.Message}");
        }
    }
}
