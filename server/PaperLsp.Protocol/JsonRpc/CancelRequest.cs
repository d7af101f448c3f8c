using System.Buffers;
using System.Text.Json;

namespace PaperLsp.Protocol.JsonRpc;

/// <summary>The <c>$/cancelRequest</c> notification, which the connection handles itself.</summary>
internal static class CancelRequest
{
    public const string Method = "$/cancelRequest";

    public static JsonElement ParamsFor(RequestId id)
    {
        var buffer = new ArrayBufferWriter<byte>(32);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("id");
            id.WriteTo(writer);
            writer.WriteEndObject();
        }

        var reader = new Utf8JsonReader(buffer.WrittenSpan);
        return JsonElement.ParseValue(ref reader);
    }

    public static bool TryReadId(JsonElement? parameters, out RequestId id)
    {
        id = default;
        return parameters is { ValueKind: JsonValueKind.Object } json
            && json.TryGetProperty("id", out var idJson)
            && RequestId.TryRead(idJson, out id);
    }
}
