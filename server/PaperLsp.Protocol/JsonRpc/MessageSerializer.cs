using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PaperLsp.Protocol.JsonRpc;

/// <summary>Writes a <see cref="Message"/> as the UTF-8 JSON body of a frame.</summary>
internal static class MessageSerializer
{
    // Relaxed escaping writes text as UTF-8 rather than \uXXXX (except characters beyond the BMP, still
    // escaped as surrogate pairs, which is valid JSON); the body is never embedded in HTML.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static ReadOnlyMemory<byte> Serialize(Message message)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(writer, message);
        }

        return buffer.WrittenMemory;
    }

    private static void Write(Utf8JsonWriter writer, Message message)
    {
        writer.WriteStartObject();
        writer.WriteString("jsonrpc", "2.0");
        switch (message)
        {
            case RequestMessage request:
                writer.WritePropertyName("id");
                request.Id.WriteTo(writer);
                writer.WriteString("method", request.Method);
                WriteIfPresent(writer, "params", request.Params);
                break;
            case NotificationMessage notification:
                writer.WriteString("method", notification.Method);
                WriteIfPresent(writer, "params", notification.Params);
                break;
            case ResponseMessage response:
                writer.WritePropertyName("id");
                if (response.Id is { } id)
                {
                    id.WriteTo(writer);
                }
                else
                {
                    writer.WriteNullValue();
                }

                if (response.Error is { } error)
                {
                    writer.WriteStartObject("error");
                    writer.WriteNumber("code", error.Code);
                    writer.WriteString("message", error.Message);
                    WriteIfPresent(writer, "data", error.Data);
                    writer.WriteEndObject();
                }
                else
                {
                    // A successful response always carries "result", null included.
                    writer.WritePropertyName("result");
                    if (response.Outgoing is { } outgoing) outgoing.WriteTo(writer);
                    else (response.Result ?? JsonPayload.Null).WriteTo(writer);
                }

                break;
            default:
                throw new ArgumentException($"Unknown message type {message.GetType().Name}.", nameof(message));
        }

        writer.WriteEndObject();
    }

    private static void WriteIfPresent(Utf8JsonWriter writer, string name, JsonElement? value)
    {
        if (value is { } json)
        {
            writer.WritePropertyName(name);
            json.WriteTo(writer);
        }
    }
}
