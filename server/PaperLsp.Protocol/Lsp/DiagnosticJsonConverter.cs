using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaperLsp.Protocol.Lsp;

/// <summary>
/// Writes <see cref="Diagnostic"/>s by hand: a pull on a big digest answers thousands of them, and the
/// generator cannot take its fast path for this record, so its metadata path cost more than computing
/// them. The output is the generator's, byte for byte: members in declaration order, every null member
/// left out. Reading (code action requests carry diagnostics back) stays with the generator, through
/// <see cref="DiagnosticMembers"/>, so it is exactly as strict as every other record.
/// </summary>
internal sealed class DiagnosticJsonConverter : JsonConverter<Diagnostic>
{
    private static readonly JsonEncodedText RangeName = JsonEncodedText.Encode("range");
    private static readonly JsonEncodedText StartName = JsonEncodedText.Encode("start");
    private static readonly JsonEncodedText EndName = JsonEncodedText.Encode("end");
    private static readonly JsonEncodedText LineName = JsonEncodedText.Encode("line");
    private static readonly JsonEncodedText CharacterName = JsonEncodedText.Encode("character");
    private static readonly JsonEncodedText SeverityName = JsonEncodedText.Encode("severity");
    private static readonly JsonEncodedText CodeName = JsonEncodedText.Encode("code");
    private static readonly JsonEncodedText CodeDescriptionName = JsonEncodedText.Encode("codeDescription");
    private static readonly JsonEncodedText HrefName = JsonEncodedText.Encode("href");
    private static readonly JsonEncodedText SourceName = JsonEncodedText.Encode("source");
    private static readonly JsonEncodedText MessageName = JsonEncodedText.Encode("message");
    private static readonly JsonEncodedText TagsName = JsonEncodedText.Encode("tags");
    private static readonly JsonEncodedText RelatedInformationName = JsonEncodedText.Encode("relatedInformation");
    private static readonly JsonEncodedText LocationName = JsonEncodedText.Encode("location");
    private static readonly JsonEncodedText UriName = JsonEncodedText.Encode("uri");
    private static readonly JsonEncodedText DataName = JsonEncodedText.Encode("data");

    public override Diagnostic? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize(ref reader, DiagnosticMembersJsonContext.Default.DiagnosticMembers)?.ToDiagnostic();

    public override void Write(Utf8JsonWriter writer, Diagnostic value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        if (value.Range is { } range) WriteRange(writer, RangeName, range);
        if (value.Severity is { } severity) writer.WriteNumber(SeverityName, (int)severity);
        if (value.Code is { } code) writer.WriteString(CodeName, code);
        if (value.CodeDescription is { } description)
        {
            writer.WriteStartObject(CodeDescriptionName);
            if (description.Href is { } href) writer.WriteString(HrefName, href);
            writer.WriteEndObject();
        }
        if (value.Source is { } source) writer.WriteString(SourceName, source);
        if (value.Message is { } message) writer.WriteString(MessageName, message);
        if (value.Tags is { } tags)
        {
            writer.WriteStartArray(TagsName);
            for (int i = 0; i < tags.Count; i++) writer.WriteNumberValue((int)tags[i]);
            writer.WriteEndArray();
        }
        if (value.RelatedInformation is { } related)
        {
            writer.WriteStartArray(RelatedInformationName);
            for (int i = 0; i < related.Count; i++) WriteRelated(writer, related[i]);
            writer.WriteEndArray();
        }
        if (value.Data is { } data)
        {
            writer.WritePropertyName(DataName);
            data.WriteTo(writer);
        }
        writer.WriteEndObject();
    }

    private static void WriteRelated(Utf8JsonWriter writer, DiagnosticRelatedInformation? related)
    {
        if (related is null)
        {
            writer.WriteNullValue();
            return;
        }
        writer.WriteStartObject();
        if (related.Location is { } location)
        {
            writer.WriteStartObject(LocationName);
            if (location.Uri is { } uri) writer.WriteString(UriName, uri);
            if (location.Range is { } range) WriteRange(writer, RangeName, range);
            writer.WriteEndObject();
        }
        if (related.Message is { } message) writer.WriteString(MessageName, message);
        writer.WriteEndObject();
    }

    private static void WriteRange(Utf8JsonWriter writer, JsonEncodedText name, Range range)
    {
        writer.WriteStartObject(name);
        if (range.Start is { } start) WritePosition(writer, StartName, start);
        if (range.End is { } end) WritePosition(writer, EndName, end);
        writer.WriteEndObject();
    }

    private static void WritePosition(Utf8JsonWriter writer, JsonEncodedText name, Position position)
    {
        writer.WriteStartObject(name);
        writer.WriteNumber(LineName, position.Line);
        writer.WriteNumber(CharacterName, position.Character);
        writer.WriteEndObject();
    }
}

/// <summary>The members of <see cref="Diagnostic"/>, as the generator reads them (keep the two in step: a test compares them).</summary>
internal sealed record DiagnosticMembers
{
    public required Range Range { get; init; }

    public DiagnosticSeverity? Severity { get; init; }

    [JsonConverter(typeof(IntegerOrStringAsStringConverter))]
    public string? Code { get; init; }

    public CodeDescription? CodeDescription { get; init; }

    public string? Source { get; init; }

    public required string Message { get; init; }

    public IReadOnlyList<DiagnosticTag>? Tags { get; init; }

    public IReadOnlyList<DiagnosticRelatedInformation>? RelatedInformation { get; init; }

    public JsonElement? Data { get; init; }

    public Diagnostic ToDiagnostic() => new()
    {
        Range = Range,
        Severity = Severity,
        Code = Code,
        CodeDescription = CodeDescription,
        Source = Source,
        Message = Message,
        Tags = Tags,
        RelatedInformation = RelatedInformation,
        Data = Data,
    };
}

/// <summary>The options of <see cref="LspJsonContext"/>, for reading <see cref="DiagnosticMembers"/>.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(DiagnosticMembers))]
internal sealed partial class DiagnosticMembersJsonContext : JsonSerializerContext
{
}
