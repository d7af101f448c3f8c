using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaperLsp.Protocol.Lsp;

/// <summary>Reads an <c>integer | string</c> member as a string (a number as its digits); writes a string.</summary>
internal sealed class IntegerOrStringAsStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => JsonElement.ParseValue(ref reader).GetRawText(),
            _ => throw new JsonException("Expected an integer or a string."),
        };

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
