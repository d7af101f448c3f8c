using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using PaperLsp.Protocol.JsonRpc;
using PaperLsp.Protocol.Lsp;
using PaperLsp.Protocol.Tests.Support;
using Range = PaperLsp.Protocol.Lsp.Range;

namespace PaperLsp.Protocol.Tests;

/// <summary>
/// <see cref="Diagnostic"/> is written by hand (thousands per pull on a big digest) and must write exactly
/// what the source generator wrote, and read exactly what it read: both are compared here with
/// <see cref="ReferenceDiagnostic"/>, the same record left to the generator.
/// </summary>
public class DiagnosticJsonTests
{
    private static readonly Range Span = new(new Position(1, 2), new Position(1, 9));
    private const string Tricky = "quote \" back\\slash <b>&amp; 'é' 𝔸 \u0001 \n\t\u2028 end";

    private static readonly Diagnostic Full = new()
    {
        Range = Span,
        Severity = DiagnosticSeverity.Warning,
        Code = "PD001",
        CodeDescription = new CodeDescription("https://example.org/PD001"),
        Source = "paperlsp",
        Message = "Duplicate paper",
        Tags = [DiagnosticTag.Unnecessary, DiagnosticTag.Deprecated],
        RelatedInformation = [new DiagnosticRelatedInformation(new Location("file:///b.digest", Span), "Also here")],
        Data = JsonElement.Parse("""{"arxiv":"2406.11912","n":[1,2.50,null]}"""),
    };

    public static IEnumerable<TestCaseData> Variants()
    {
        for (int mask = 0; mask < 1 << 7; mask++)
        {
            bool Has(int bit) => (mask & (1 << bit)) != 0;
            yield return new TestCaseData(new Diagnostic
            {
                Range = Span,
                Message = "m",
                Severity = Has(0) ? Full.Severity : null,
                Code = Has(1) ? Full.Code : null,
                CodeDescription = Has(2) ? Full.CodeDescription : null,
                Source = Has(3) ? Full.Source : null,
                Tags = Has(4) ? Full.Tags : null,
                RelatedInformation = Has(5) ? Full.RelatedInformation : null,
                Data = Has(6) ? Full.Data : null,
            }).SetName($"Members {mask:b7}");
        }
        var odd = new (string Name, Diagnostic Value)[]
        {
            ("Undefined severity", Full with { Severity = (DiagnosticSeverity)7 }),
            ("Empty code", Full with { Code = "" }),
            ("Escaped message", Full with { Message = Tricky }),
            ("Escaped source and code", Full with { Source = Tricky, Code = Tricky }),
            ("Escaped href", Full with { CodeDescription = new CodeDescription(Tricky) }),
            ("Null href", Full with { CodeDescription = new CodeDescription(null!) }),
            ("Null message", Full with { Message = null! }),
            ("Null range", Full with { Range = null! }),
            ("Null position", Full with { Range = new Range(null!, Span.End) }),
            ("Extreme positions", Full with { Range = new Range(new Position(int.MaxValue, -1), new Position(0, int.MinValue)) }),
            ("No tags", Full with { Tags = [] }),
            ("Undefined tag", Full with { Tags = [(DiagnosticTag)9] }),
            ("No related", Full with { RelatedInformation = [] }),
            ("Two related, escaped", Full with { RelatedInformation = [.. Full.RelatedInformation!, new DiagnosticRelatedInformation(new Location(Tricky, Span), Tricky)] }),
            ("Null related", Full with { RelatedInformation = [null!] }),
            ("Related without location", Full with { RelatedInformation = [new DiagnosticRelatedInformation(null!, "m")] }),
            ("Related without message", Full with { RelatedInformation = [new DiagnosticRelatedInformation(Full.RelatedInformation![0].Location, null!)] }),
            ("Data null", Full with { Data = JsonElement.Parse("null") }),
            ("Data string", Full with { Data = JsonElement.Parse("\"é<\\u0041\"") }),
            ("Data number", Full with { Data = JsonElement.Parse("3.50") }),
            ("Data array", Full with { Data = JsonElement.Parse("[true,{}]") }),
            ("Data undefined", Full with { Data = default(JsonElement) }),
        };
        foreach (var (name, value) in odd) yield return new TestCaseData(value).SetName(name);
    }

    [TestCaseSource(nameof(Variants))]
    public void Writes_what_the_generator_wrote(Diagnostic diagnostic)
    {
        var reference = ReferenceDiagnostic.Of(diagnostic);
        foreach (var options in WriterOptions)
        {
            Assert.That(Write(diagnostic, LspJsonContext.Default.Diagnostic, options),
                Is.EqualTo(Write(reference, ReferenceJsonContext.Default.ReferenceDiagnostic, options)));
            Assert.That(Write<IReadOnlyList<Diagnostic>>([diagnostic, Full], LspJsonContext.Default.IReadOnlyListDiagnostic, options),
                Is.EqualTo(Write<IReadOnlyList<ReferenceDiagnostic>>([reference, ReferenceDiagnostic.Of(Full)], ReferenceJsonContext.Default.IReadOnlyListReferenceDiagnostic, options)));
        }
    }

    [Test]
    public void The_record_read_has_the_members_of_the_record_written()
    {
        static string[] Members(Type type) =>
            [.. type.GetProperties().Where(p => p.Name != "EqualityContract").Select(p => $"{p.Name}: {p.PropertyType}")];
        Assert.That(Members(typeof(DiagnosticMembers)), Is.EqualTo(Members(typeof(Diagnostic))));
        Assert.That(Members(typeof(ReferenceDiagnostic)), Is.EqualTo(Members(typeof(Diagnostic))));
    }

    [Test]
    public void Reports_and_publications_write_their_diagnostics_the_same_way()
    {
        string one = Write(ReferenceDiagnostic.Of(Full), ReferenceJsonContext.Default.ReferenceDiagnostic, WriterOptions[1]);
        Assert.That(Write(DocumentDiagnosticReport.Full([Full, Full], "r1"), LspJsonContext.Default.DocumentDiagnosticReport, WriterOptions[1]),
            Is.EqualTo($$"""{"kind":"full","resultId":"r1","items":[{{one}},{{one}}]}"""));
        Assert.That(Write(new PublishDiagnosticsParams("file:///a.digest", [Full], 3), LspJsonContext.Default.PublishDiagnosticsParams, WriterOptions[1]),
            Is.EqualTo($$"""{"uri":"file:///a.digest","diagnostics":[{{one}}],"version":3}"""));
        Assert.That(Write(new WorkspaceDiagnosticReport([WorkspaceDocumentDiagnosticReport.Full("file:///a", null, [Full])]), LspJsonContext.Default.WorkspaceDiagnosticReport, WriterOptions[1]),
            Is.EqualTo($$"""{"items":[{"kind":"full","uri":"file:///a","version":null,"items":[{{one}}]}]}"""));
    }

    [TestCase("""{"range":R,"severity":2,"code":"PD001","codeDescription":{"href":"h"},"source":"s","message":"m","tags":[1,2],"relatedInformation":[{"location":{"uri":"u","range":R},"message":"x"}],"data":{"a":[1]}}""")]
    [TestCase("""{"range":R,"message":"m"}""")]
    [TestCase("""{"message":"m","range":R,"extra":{"deep":[1,{"x":null}]},"Message":"ignored"}""")]
    [TestCase("""{"range":R,"message":"first","message":"second"}""")]
    [TestCase("""{"range":R,"message":"m","code":42}""")]
    [TestCase("""{"range":R,"message":"m","code":-4.5e3}""")]
    [TestCase("""{"range":R,"message":"m","code":null,"severity":null,"codeDescription":null,"source":null,"tags":null,"relatedInformation":null}""")]
    [TestCase("""{"range":R,"message":"m","data":null}""")]
    [TestCase("""{"range":R,"message":"m","data":"text"}""")]
    [TestCase("""{"range":R,"message":"m","severity":9,"tags":[7]}""")]
    [TestCase("""{"range":R,"message":"m","relatedInformation":[null]}""")]
    [TestCase("""{"range":R}""")]
    [TestCase("""{"message":"m"}""")]
    [TestCase("""{"range":null,"message":"m"}""")]
    [TestCase("""{"range":R,"message":null}""")]
    [TestCase("""{"range":R,"message":5}""")]
    [TestCase("""{"range":{"start":{"line":0,"character":0}},"message":"m"}""")]
    [TestCase("""{"range":R,"message":"m","severity":"2"}""")]
    [TestCase("""{"range":R,"message":"m","code":true}""")]
    [TestCase("""{"range":R,"message":"m","codeDescription":{}}""")]
    [TestCase("""{"range":R,"message":"m","codeDescription":{"href":null}}""")]
    [TestCase("""{"range":R,"message":"m","tags":[null]}""")]
    [TestCase("""{"range":R,"message":"m","relatedInformation":[{"message":"x"}]}""")]
    [TestCase("""[]""")]
    [TestCase("""null""")]
    [TestCase("\"text\"")]
    public void Reads_what_the_generator_read(string json)
    {
        json = json.Replace("R", """{"start":{"line":1,"character":2},"end":{"line":1,"character":9}}""", StringComparison.Ordinal);
        string expected = Outcome(() => Show(JsonSerializer.Deserialize(json, ReferenceJsonContext.Default.ReferenceDiagnostic)));
        Assert.That(Outcome(() => Show(JsonSerializer.Deserialize(json, LspJsonContext.Default.Diagnostic) is { } d ? ReferenceDiagnostic.Of(d) : null)), Is.EqualTo(expected));
        string inList = $"[{json},{json}]";
        Assert.That(Outcome(() => ShowAll(JsonSerializer.Deserialize(inList, LspJsonContext.Default.IReadOnlyListDiagnostic)?.Select(d => d is null ? null : ReferenceDiagnostic.Of(d)))),
            Is.EqualTo(Outcome(() => ShowAll(JsonSerializer.Deserialize(inList, ReferenceJsonContext.Default.IReadOnlyListReferenceDiagnostic)))));
    }

    [Test]
    public void A_code_action_request_reads_the_diagnostics_the_client_sends_back()
    {
        string json = $$$"""{"textDocument":{"uri":"file:///a.digest"},"range":{"start":{"line":1,"character":2},"end":{"line":1,"character":9}},"context":{"diagnostics":[{{{Write(Full, LspJsonContext.Default.Diagnostic, WriterOptions[1])}}}]}}""";
        var p = JsonPayload.ReadParams(JsonElement.Parse(json), LspJsonContext.Default.CodeActionParams);
        var read = p.Context.Diagnostics.Single();
        Assert.That(Write(read, LspJsonContext.Default.Diagnostic, WriterOptions[1]), Is.EqualTo(Write(Full, LspJsonContext.Default.Diagnostic, WriterOptions[1])));
        Assert.That(read.Data?.GetProperty("arxiv").GetString(), Is.EqualTo("2406.11912"));
    }

    [Test]
    public void A_code_action_request_with_a_broken_diagnostic_is_invalid_params()
    {
        const string json = """{"textDocument":{"uri":"file:///a.digest"},"range":{"start":{"line":1,"character":2},"end":{"line":1,"character":9}},"context":{"diagnostics":[{"message":"no range"}]}}""";
        var thrown = Assert.Throws<ResponseErrorException>(() => JsonPayload.ReadParams(JsonElement.Parse(json), LspJsonContext.Default.CodeActionParams));
        Assert.That(thrown!.Error.Code, Is.EqualTo(ErrorCodes.InvalidParams));
    }

    private static readonly JsonWriterOptions[] WriterOptions =
    [
        default,
        new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping },
        new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true },
    ];

    private static string Write<T>(T value, JsonTypeInfo<T> type, JsonWriterOptions options) => Outcome(() =>
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, options)) JsonSerializer.Serialize(writer, value, type);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    });

    private static string Show(ReferenceDiagnostic? d) => d is null ? "(null)" : JsonSerializer.Serialize(d, ReferenceJsonContext.Default.ReferenceDiagnostic);

    private static string ShowAll(IEnumerable<ReferenceDiagnostic?>? all) => all is null ? "(null)" : string.Join(" | ", all.Select(Show));

    private static string Outcome(Func<string> run)
    {
        try
        {
            return run();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException or NullReferenceException)
        {
            return "throws " + e.GetType().Name;
        }
    }
}
