using System.Buffers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using PaperLsp.Core.Diagnostics;
using PaperLsp.Core.Fixes;
using PaperLsp.Core.Model;
using PaperLsp.Core.Text;
using PaperLsp.Protocol.JsonRpc;
using PaperLsp.Protocol.Lsp;
using PaperLsp.Server.Text;

namespace PaperLsp.Server.Handlers;

/// <summary>
/// textDocument/codeAction: the quick fixes at the range (kind <c>quickfix</c>) and, when asked for by kind,
/// every safe fix of the file (<c>source.fixAll.paperlsp</c>). Each action names the client's diagnostics it fixes,
/// matched by code and range. A client that resolves edits lazily gets titles now and edits from codeAction/resolve;
/// others get edits now. Edits are checked by <see cref="FixVerifier"/> before they leave: none costs a paper a word.
/// </summary>
public sealed class CodeActionHandler : IRequestHandler
{
    public const string SourceFixAll = CodeActionKind.SourceFixAll + ".paperlsp";

    public static readonly CodeActionOptions Options = new() { CodeActionKinds = [CodeActionKind.QuickFix, SourceFixAll], ResolveProvider = true };

    public string Method => Methods.TextDocumentCodeAction;

    public async ValueTask<JsonResult?> HandleAsync(RequestMessage request, ServerSession session, CancellationToken token)
    {
        var p = request.ParamsAs(LspJsonContext.Default.CodeActionParams);
        var snapshot = session.Documents.Current;
        bool lazy = ResolvesLazily(session.Client);
        return await session.ReadAsync(p.TextDocument.Uri, (open, doc, map) =>
        {
            var problems = ServerSession.Workspace(snapshot).ProblemsOf(open.Uri);
            var range = map.ToSpan(p.Range);
            var fixes = new List<Fix>();
            if (Wants(p.Context.Only, CodeActionKind.QuickFix)) fixes.AddRange(CodeFixes.At(doc, problems, range));
            if (p.Context.Only is not null && Wants(p.Context.Only, SourceFixAll)) fixes.Add(CodeFixes.SafeFixAll(doc, problems, open.Uri));
            var actions = new List<CodeAction>(fixes.Count);
            foreach (var fix in fixes)
            {
                token.ThrowIfCancellationRequested();
                var action = Describe(fix, p.Context.Diagnostics, map);
                if (lazy) actions.Add(action with { Data = Data(open.Uri, open.Version, fix.Id, range) });
                else if (Edit(session, doc, fix, open.Uri, map, out _) is { } edit) actions.Add(action with { Edit = edit });
            }
            return JsonPayload.ToResult<IReadOnlyList<CodeAction>>(actions, LspJsonContext.Default.IReadOnlyListCodeAction);
        }, token);
    }

    /// <summary>The client fills in <c>edit</c> with codeAction/resolve and keeps <c>data</c> for it.</summary>
    public static bool ResolvesLazily(ClientCapabilities client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var c = client.TextDocument?.CodeAction;
        return c?.DataSupport == true && c.ResolveSupport?.Properties?.Contains("edit", StringComparer.Ordinal) == true;
    }

    /// <summary>Kinds are hierarchical: asking for <c>source</c> or <c>source.fixAll</c> asks for <c>source.fixAll.paperlsp</c>.</summary>
    private static bool Wants(IReadOnlyList<string>? only, string kind) =>
        only is null || only.Any(o => kind == o || kind.StartsWith(o + ".", StringComparison.Ordinal));

    /// <summary>The action without its edit: title, kind, the client's diagnostics it fixes.</summary>
    internal static CodeAction Describe(Fix fix, IReadOnlyList<Diagnostic> clientDiagnostics, PositionMapper map)
    {
        var fixes = new List<Diagnostic>();
        foreach (var problem in fix.Problems)
        {
            var range = map.ToRange(problem.Span);
            fixes.AddRange(clientDiagnostics.Where(d => d.Code == problem.Code && d.Range == range));
        }
        return new CodeAction
        {
            Title = fix.Title,
            Kind = fix.Kind == FixKind.SafeFixAll ? SourceFixAll : CodeActionKind.QuickFix,
            Diagnostics = fixes.Count == 0 ? null : fixes.Distinct().ToList(),
            IsPreferred = fix.Preferred ? true : null,
        };
    }

    /// <summary>The fix's edits as a workspace edit, or null (and why) when the verifier refuses them.</summary>
    internal static WorkspaceEdit? Edit(ServerSession session, DigestDocument doc, Fix fix, string uri, PositionMapper map, out string? failure)
    {
        if (FixVerifier.Apply(doc, fix, uri, out failure) is null)
        {
            session.Logger.LogWarning("Fix {Fix} withheld for {Uri}: {Failure}", fix.Id, uri, failure);
            return null;
        }
        var edits = fix.Edits.Select(e => new TextEdit(map.ToRange(e.Span), e.NewText)).ToList();
        return new WorkspaceEdit(new Dictionary<string, IReadOnlyList<TextEdit>>(StringComparer.Ordinal) { [uri] = edits });
    }

    /// <summary>What codeAction/resolve needs to find the fix again: the document version, the fix, the request range.</summary>
    private static JsonElement Data(string uri, int version, string id, TextSpan range)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("uri", uri);
            w.WriteNumber("version", version);
            w.WriteString("id", id);
            w.WriteNumber("start", range.Start);
            w.WriteNumber("end", range.End);
            w.WriteEndObject();
        }
        return JsonElement.Parse(buffer.WrittenSpan);
    }

    /// <summary>The data of <see cref="Data"/> read back; null when it is not ours or malformed.</summary>
    internal static (string Uri, int Version, string Id, TextSpan Range)? ReadData(JsonElement? data)
    {
        if (data is not { ValueKind: JsonValueKind.Object } d) return null;
        if (!d.TryGetProperty("uri", out var uri) || uri.ValueKind != JsonValueKind.String
            || !d.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String
            || !d.TryGetProperty("version", out var version) || !version.TryGetInt32(out int v)
            || !d.TryGetProperty("start", out var start) || !start.TryGetInt32(out int s)
            || !d.TryGetProperty("end", out var end) || !end.TryGetInt32(out int e)
            || s < 0 || e < s)
            return null;
        return (uri.GetString()!, v, id.GetString()!, TextSpan.FromBounds(s, e));
    }
}
