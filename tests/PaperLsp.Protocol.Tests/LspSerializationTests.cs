using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using PaperLsp.Protocol.JsonRpc;
using PaperLsp.Protocol.Lsp;
using FileSystemWatcher = PaperLsp.Protocol.Lsp.FileSystemWatcher;
using Range = PaperLsp.Protocol.Lsp.Range;

namespace PaperLsp.Protocol.Tests;

/// <summary>Exact wire JSON of the LSP records: spec names, camelCase, nulls left out, enums as numbers.</summary>
public class LspSerializationTests
{
    private static readonly LspJsonContext Context = LspJsonContext.Default;
    private static readonly Range Span = new(new Position(1, 2), new Position(1, 9));
    private const string SpanJson = """{"start":{"line":1,"character":2},"end":{"line":1,"character":9}}""";

    /// <summary>Serializes to exactly <paramref name="expected"/>, and reading that back writes the same again.</summary>
    private static void Check<T>(T value, JsonTypeInfo<T> type, string expected)
    {
        string json = JsonSerializer.Serialize(value, type);
        Assert.That(json, Is.EqualTo(expected));
        Assert.That(JsonSerializer.Serialize(JsonSerializer.Deserialize(json, type)!, type), Is.EqualTo(expected));
    }

    [Test]
    public void Reflection_is_off_so_everything_here_is_source_generated() =>
        Assert.That(JsonSerializer.IsReflectionEnabledByDefault, Is.False);

    [Test]
    public void Diagnostic_with_every_member() =>
        Check(
            new Diagnostic
            {
                Range = Span,
                Severity = DiagnosticSeverity.Warning,
                Code = "PD001",
                CodeDescription = new CodeDescription("https://example.org/PD001"),
                Source = "paperlsp",
                Message = "Duplicate paper",
                Tags = [DiagnosticTag.Unnecessary],
                RelatedInformation = [new DiagnosticRelatedInformation(new Location("file:///b.digest", Span), "Also here")],
                Data = JsonElement.Parse("""{"arxiv":"2406.11912"}"""),
            },
            Context.Diagnostic,
            $$$"""{"range":{{{SpanJson}}},"severity":2,"code":"PD001","codeDescription":{"href":"https://example.org/PD001"},"source":"paperlsp","message":"Duplicate paper","tags":[1],"relatedInformation":[{"location":{"uri":"file:///b.digest","range":{{{SpanJson}}}},"message":"Also here"}],"data":{"arxiv":"2406.11912"}}""");

    [Test]
    public void Diagnostic_leaves_out_null_members() =>
        Check(new Diagnostic { Range = Span, Message = "m" }, Context.Diagnostic, $$"""{"range":{{SpanJson}},"message":"m"}""");

    [Test]
    public void A_number_diagnostic_code_from_a_client_reads_as_a_string()
    {
        var diagnostic = JsonSerializer.Deserialize($$"""{"range":{{SpanJson}},"message":"m","code":42}""", Context.Diagnostic)!;
        Assert.That(diagnostic.Code, Is.EqualTo("42"));
    }

    [Test]
    public void Server_capabilities() =>
        Check(
            new InitializeResult(
                new ServerCapabilities
                {
                    PositionEncoding = PositionEncodingKind.Utf16,
                    TextDocumentSync = new TextDocumentSyncOptions { OpenClose = true, Change = TextDocumentSyncKind.Incremental, Save = new SaveOptions(false) },
                    CompletionProvider = new CompletionOptions { TriggerCharacters = ["#"] },
                    HoverProvider = true,
                    CodeActionProvider = new CodeActionOptions { CodeActionKinds = [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll], ResolveProvider = false },
                    CodeLensProvider = new CodeLensOptions(),
                    DocumentLinkProvider = new DocumentLinkOptions(ResolveProvider: false),
                    ExecuteCommandProvider = new ExecuteCommandOptions(["paperlsp.openRepository"]),
                    SemanticTokensProvider = new SemanticTokensOptions { Legend = new SemanticTokensLegend(["title"], []), Full = true, Range = true },
                    InlayHintProvider = new InlayHintOptions(),
                    DiagnosticProvider = new DiagnosticOptions { InterFileDependencies = true, WorkspaceDiagnostics = false },
                    WorkspaceSymbolProvider = true,
                    Workspace = new WorkspaceServerCapabilities(new WorkspaceFoldersServerCapabilities(Supported: true, ChangeNotifications: true)),
                },
                new ServerInfo("paperlsp", "0.1.0")),
            Context.InitializeResult,
            """{"capabilities":{"positionEncoding":"utf-16","textDocumentSync":{"openClose":true,"change":2,"save":{"includeText":false}},"completionProvider":{"triggerCharacters":["#"]},"hoverProvider":true,"codeActionProvider":{"codeActionKinds":["quickfix","source.fixAll"],"resolveProvider":false},"codeLensProvider":{},"documentLinkProvider":{"resolveProvider":false},"executeCommandProvider":{"commands":["paperlsp.openRepository"]},"semanticTokensProvider":{"legend":{"tokenTypes":["title"],"tokenModifiers":[]},"range":true,"full":true},"inlayHintProvider":{},"diagnosticProvider":{"interFileDependencies":true,"workspaceDiagnostics":false},"workspaceSymbolProvider":true,"workspace":{"workspaceFolders":{"supported":true,"changeNotifications":true}}},"serverInfo":{"name":"paperlsp","version":"0.1.0"}}""");

    [Test]
    public void Initialize_params_keep_the_raw_capabilities_and_read_the_typed_bits()
    {
        const string json = """
            {"processId":4242,"clientInfo":{"name":"Visual Studio Code","version":"1.95.0"},"locale":"en","rootUri":"file:///w/papers",
             "capabilities":{
               "general":{"positionEncodings":["utf-16"]},
               "textDocument":{"documentSymbol":{"hierarchicalDocumentSymbolSupport":true,"symbolKind":{"valueSet":[1,2]}},"diagnostic":{"dynamicRegistration":true,"relatedDocumentSupport":false},"hover":{"contentFormat":["markdown","plaintext"]}},
               "workspace":{"configuration":true,"diagnostics":{"refreshSupport":true},"didChangeWatchedFiles":{"dynamicRegistration":true,"relativePatternSupport":true}},
               "window":{"workDoneProgress":true,"showDocument":{"support":true}},
               "experimental":{"anything":[1,2,3]}},
             "trace":"off","workspaceFolders":[{"uri":"file:///w/papers","name":"papers"}]}
            """;

        var parameters = JsonSerializer.Deserialize(json, Context.InitializeParams)!;
        var capabilities = parameters.ParseCapabilities();

        Assert.That(parameters.ProcessId, Is.EqualTo(4242));
        Assert.That(parameters.WorkspaceFolders, Is.EqualTo(new[] { new WorkspaceFolder("file:///w/papers", "papers") }));
        Assert.That(parameters.Capabilities.GetProperty("experimental").GetRawText(), Is.EqualTo("{\"anything\":[1,2,3]}"));
        Assert.That(capabilities.General!.PositionEncodings, Is.EqualTo(new[] { "utf-16" }));
        Assert.That(capabilities.TextDocument!.DocumentSymbol!.HierarchicalDocumentSymbolSupport, Is.True);
        Assert.That(capabilities.TextDocument.Diagnostic, Is.Not.Null);
        Assert.That(capabilities.TextDocument.Hover!.ContentFormat, Is.EqualTo(new[] { MarkupKind.Markdown, MarkupKind.PlainText }));
        Assert.That(capabilities.Workspace!.Configuration, Is.True);
        Assert.That(capabilities.Workspace.Diagnostics!.RefreshSupport, Is.True);
        Assert.That(capabilities.Workspace.DidChangeWatchedFiles!.DynamicRegistration, Is.True);
        Assert.That(capabilities.Window!.WorkDoneProgress, Is.True);
        Assert.That(capabilities.Window.ShowDocument, Is.EqualTo(new ShowDocumentClientCapabilities(true)));
    }

    [Test]
    public void Initialize_params_write_the_required_nulls() =>
        Check(new InitializeParams { Capabilities = JsonElement.Parse("{}") }, Context.InitializeParams,
            """{"processId":null,"rootUri":null,"capabilities":{}}""");

    [Test]
    public void Capabilities_of_the_wrong_shape_read_as_unsupported()
    {
        var parameters = JsonSerializer.Deserialize("""{"processId":1,"capabilities":{"general":{"positionEncodings":"utf-8"}}}""", Context.InitializeParams)!;
        Assert.That(parameters.ParseCapabilities(), Is.EqualTo(new ClientCapabilities()));
    }

    [Test]
    public void Content_changes_with_a_range_are_incremental_and_without_are_full()
    {
        var parameters = JsonSerializer.Deserialize(
            $$"""{"textDocument":{"uri":"file:///a.digest","version":3},"contentChanges":[{"range":{{SpanJson}},"rangeLength":7,"text":"𝔸"},{"text":"whole"}]}""",
            Context.DidChangeTextDocumentParams)!;

        Assert.That(parameters.TextDocument, Is.EqualTo(new VersionedTextDocumentIdentifier("file:///a.digest", 3)));
        Assert.That(parameters.ContentChanges, Is.EqualTo(new[] { new TextDocumentContentChangeEvent("𝔸", Span), new TextDocumentContentChangeEvent("whole") }));
    }

    [TestCase("""{"textDocument":{"uri":"file:///a"}}""")]
    [TestCase("""{"textDocument":null,"position":{"line":0,"character":0}}""")]
    [TestCase("""{"textDocument":{"uri":"file:///a"},"position":{"line":"one","character":0}}""")]
    public void Params_missing_a_required_member_are_invalid_params(string json)
    {
        var thrown = Assert.Throws<ResponseErrorException>(() => JsonPayload.ReadParams(JsonElement.Parse(json), Context.TextDocumentPositionParams));
        Assert.That(thrown!.Error.Code, Is.EqualTo(ErrorCodes.InvalidParams));
    }

    [Test]
    public void Document_symbols_nest_and_kinds_are_numbers() =>
        Check<IReadOnlyList<DocumentSymbol>>(
            [new DocumentSymbol { Name = "Sep 10", Kind = SymbolKind.Namespace, Range = Span, SelectionRange = Span, Children = [new DocumentSymbol { Name = "Paper", Detail = "2406.11912", Kind = SymbolKind.String, Range = Span, SelectionRange = Span }] }],
            Context.IReadOnlyListDocumentSymbol,
            $$$"""[{"name":"Sep 10","kind":3,"range":{{{SpanJson}}},"selectionRange":{{{SpanJson}}},"children":[{"name":"Paper","detail":"2406.11912","kind":15,"range":{{{SpanJson}}},"selectionRange":{{{SpanJson}}}}]}]""");

    [Test]
    public void Document_diagnostic_reports_full_and_unchanged()
    {
        Check(DocumentDiagnosticReport.Full([], "r1"), Context.DocumentDiagnosticReport, """{"kind":"full","resultId":"r1","items":[]}""");
        Check(DocumentDiagnosticReport.Unchanged("r1"), Context.DocumentDiagnosticReport, """{"kind":"unchanged","resultId":"r1"}""");
    }

    [Test]
    public void Workspace_report_writes_a_null_version_for_closed_documents() =>
        Check(new WorkspaceDiagnosticReport([WorkspaceDocumentDiagnosticReport.Full("file:///a", null, []), WorkspaceDocumentDiagnosticReport.Unchanged("file:///b", 4, "r2")]),
            Context.WorkspaceDiagnosticReport,
            """{"items":[{"kind":"full","uri":"file:///a","version":null,"items":[]},{"kind":"unchanged","uri":"file:///b","version":4,"resultId":"r2"}]}""");

    [Test]
    public void Work_done_progress()
    {
        Check(new ProgressParams<WorkDoneProgressBegin>(new ProgressToken("index"), new WorkDoneProgressBegin { Title = "Indexing", Percentage = 0, Cancellable = false }),
            Context.ProgressParamsWorkDoneProgressBegin, """{"token":"index","value":{"kind":"begin","title":"Indexing","cancellable":false,"percentage":0}}""");
        Check(new ProgressParams<WorkDoneProgressReport>(new ProgressToken(7), new WorkDoneProgressReport { Message = "3/10", Percentage = 30 }),
            Context.ProgressParamsWorkDoneProgressReport, """{"token":7,"value":{"kind":"report","message":"3/10","percentage":30}}""");
        Check(new ProgressParams<WorkDoneProgressEnd>(new ProgressToken("index"), new WorkDoneProgressEnd()),
            Context.ProgressParamsWorkDoneProgressEnd, """{"token":"index","value":{"kind":"end"}}""");
    }

    [Test]
    public void Workspace_edit_keys_are_uris_left_as_they_are() =>
        Check(new WorkspaceEdit(new Dictionary<string, IReadOnlyList<TextEdit>> { ["File:///Papers/A.digest"] = [new TextEdit(Span, "")] }),
            Context.WorkspaceEdit, $$$"""{"changes":{"File:///Papers/A.digest":[{"range":{{{SpanJson}}},"newText":""}]}}""");

    [Test]
    public void Code_action_with_command_and_edit() =>
        Check(new CodeAction
        {
            Title = "Open repository",
            Kind = CodeActionKind.QuickFix,
            IsPreferred = true,
            Command = new Command("Open", "paperlsp.openRepository", [JsonElement.Parse("\"https://github.com/o/r\"")]),
        },
        Context.CodeAction,
        """{"title":"Open repository","kind":"quickfix","isPreferred":true,"command":{"title":"Open","command":"paperlsp.openRepository","arguments":["https://github.com/o/r"]}}""");

    [Test]
    public void Hover_markup_kind_is_a_string() =>
        Check(new Hover(new MarkupContent(MarkupKind.Markdown, "**TL;DR**"), Span), Context.Hover,
            $$$"""{"contents":{"kind":"markdown","value":"**TL;DR**"},"range":{{{SpanJson}}}}""");

    [Test]
    public void Watched_files_registration_and_events()
    {
        var options = new DidChangeWatchedFilesRegistrationOptions([new FileSystemWatcher("**/*.digest", WatchKind.Create | WatchKind.Change | WatchKind.Delete)]);
        Check(new RegistrationParams([new Registration("w1", Methods.WorkspaceDidChangeWatchedFiles, JsonPayload.ToElement(options, Context.DidChangeWatchedFilesRegistrationOptions))]),
            Context.RegistrationParams,
            """{"registrations":[{"id":"w1","method":"workspace/didChangeWatchedFiles","registerOptions":{"watchers":[{"globPattern":"**/*.digest","kind":7}]}}]}""");
        Check(new DidChangeWatchedFilesParams([new FileEvent("file:///a.digest", FileChangeType.Deleted)]), Context.DidChangeWatchedFilesParams,
            """{"changes":[{"uri":"file:///a.digest","type":3}]}""");
    }

    [Test]
    public void Window_messages()
    {
        Check(new LogMessageParams(MessageType.Info, "indexed"), Context.LogMessageParams, """{"type":3,"message":"indexed"}""");
        Check(new ShowDocumentParams { Uri = "https://arxiv.org/abs/2406.11912", External = true, TakeFocus = true }, Context.ShowDocumentParams,
            """{"uri":"https://arxiv.org/abs/2406.11912","external":true,"takeFocus":true}""");
    }

    [Test]
    public void Folding_completion_and_inlay_hints()
    {
        Check(new FoldingRange { StartLine = 2, EndLine = 4, Kind = FoldingRangeKind.Region }, Context.FoldingRange, """{"startLine":2,"endLine":4,"kind":"region"}""");
        Check(new CompletionList(false, [new CompletionItem { Label = "#toread", Kind = CompletionItemKind.Keyword, InsertTextFormat = InsertTextFormat.PlainText }]),
            Context.CompletionList, """{"isIncomplete":false,"items":[{"label":"#toread","kind":14,"insertTextFormat":1}]}""");
        Check(new InlayHint { Position = new Position(0, 5), Label = "to read", Kind = InlayHintKind.Type, PaddingLeft = true }, Context.InlayHint,
            """{"position":{"line":0,"character":5},"label":"to read","kind":1,"paddingLeft":true}""");
        Check(new SemanticTokens([0, 0, 5, 1, 0], "1"), Context.SemanticTokens, """{"data":[0,0,5,1,0],"resultId":"1"}""");
    }
}
