using System.Text.Json;
using System.Text.Json.Serialization;
using PaperLsp.Protocol.Lsp;
using Range = PaperLsp.Protocol.Lsp.Range;

namespace PaperLsp.Protocol.Tests.Support;

/// <summary>
/// <see cref="Diagnostic"/> as the source generator alone writes it (the shape it had before it got a
/// hand-written converter): the reference the converter's output is compared with, byte for byte.
/// </summary>
internal sealed record ReferenceDiagnostic
{
    public required Range Range { get; init; }
    public DiagnosticSeverity? Severity { get; init; }
    [JsonConverter(typeof(ReferenceIntegerOrStringConverter))]
    public string? Code { get; init; }
    public CodeDescription? CodeDescription { get; init; }
    public string? Source { get; init; }
    public required string Message { get; init; }
    public IReadOnlyList<DiagnosticTag>? Tags { get; init; }
    public IReadOnlyList<DiagnosticRelatedInformation>? RelatedInformation { get; init; }
    public JsonElement? Data { get; init; }

    public static ReferenceDiagnostic Of(Diagnostic d) => new()
    {
        Range = d.Range,
        Severity = d.Severity,
        Code = d.Code,
        CodeDescription = d.CodeDescription,
        Source = d.Source,
        Message = d.Message,
        Tags = d.Tags,
        RelatedInformation = d.RelatedInformation,
        Data = d.Data,
    };
}

/// <summary>A copy of the protocol's (internal) converter for <c>integer | string</c> codes.</summary>
internal sealed class ReferenceIntegerOrStringConverter : JsonConverter<string>
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

/// <summary>The same options as <see cref="LspJsonContext"/>.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(ReferenceDiagnostic))]
[JsonSerializable(typeof(IReadOnlyList<ReferenceDiagnostic>))]
internal sealed partial class ReferenceJsonContext : JsonSerializerContext
{
}
