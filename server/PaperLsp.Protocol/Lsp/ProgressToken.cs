using System.Text.Json;
using System.Text.Json.Serialization;
using PaperLsp.Protocol.JsonRpc;

namespace PaperLsp.Protocol.Lsp;

/// <summary>An <c>integer | string</c> naming a progress stream; same wire rules as a <see cref="RequestId"/>.</summary>
[JsonConverter(typeof(ProgressTokenJsonConverter))]
public readonly record struct ProgressToken
{
    public ProgressToken(string text) => Value = new RequestId(text);

    public ProgressToken(long number) => Value = new RequestId(number);

    internal ProgressToken(RequestId value) => Value = value;

    internal RequestId Value { get; }

    public override string ToString() => Value.ToString();
}

internal sealed class ProgressTokenJsonConverter : JsonConverter<ProgressToken>
{
    public override ProgressToken Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        RequestId.TryRead(JsonElement.ParseValue(ref reader), out var value)
            ? new ProgressToken(value)
            : throw new JsonException("A progress token must be an integer or a string.");

    public override void Write(Utf8JsonWriter writer, ProgressToken value, JsonSerializerOptions options) => value.Value.WriteTo(writer);
}
