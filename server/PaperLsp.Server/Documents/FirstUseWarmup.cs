using System.Globalization;
using System.Text;
using PaperLsp.Core.Features;
using PaperLsp.Protocol.JsonRpc;
using PaperLsp.Protocol.Lsp;
using PaperLsp.Server.Diagnostics;
using PaperLsp.Server.Text;

namespace PaperLsp.Server.Documents;

/// <summary>
/// Takes a small made-up digest once through the path of an editor's first requests (open, parse, duplicate
/// analysis, diagnostics and their JSON, the outline), on a thread of its own, started with the server.
/// ReadyToRun covers our code but not the framework's generic code over our types, which the runtime compiles
/// on first use, nor the types and statics loaded on first use: on the first large digest that was 60–90 ms of
/// compiling in the middle of the first report, and a first 200 KB digest waited 90–160 ms for its diagnostics (45–63 ms with this).
/// Here that happens while the client starts up, initializes and sends its first document, on the core the
/// server's single message loop leaves idle. Its documents are its own: nothing it does is seen by a session.
/// PAPERLSP_WARMUP=0 turns it off.
/// </summary>
internal static class FirstUseWarmup
{
    private const string Uri = "untitled:paperlsp-warmup";

    private static int _started;

    public static void Start()
    {
        if (Environment.GetEnvironmentVariable("PAPERLSP_WARMUP") == "0") return;
        if (Interlocked.Exchange(ref _started, 1) == 1) return;
        var thread = new Thread(() =>
        {
            // Best effort on a thread of its own: whatever it meets (even running out of memory, whose arrays die
            // with the thread), a warm-up that fails has only failed to warm, and must not take the server down.
#pragma warning disable CA1031
            try { Run(); }
            catch (Exception) { }
#pragma warning restore CA1031
        })
        { IsBackground = true, Name = "paperlsp warm-up", Priority = ThreadPriority.BelowNormal };
        thread.Start();
    }

    /// <summary>The diagnostics of the made-up digest (tests check that it reaches the duplicate paths).</summary>
    internal static List<Diagnostic> Run()
    {
        var store = new DocumentStore();
        store.Open(Uri, 1, Digest());
        var doc = store.Current.Get(Uri)!;
        var parsed = doc.Parsed;
        var workspace = ServerSession.Workspace(store.Current);
        var diagnostics = DiagnosticMapper.Map(workspace, Uri, utf8: false);
        _ = JsonPayload.ToResult(DocumentDiagnosticReport.Full(diagnostics, DiagnosticMapper.Fingerprint(diagnostics)), LspJsonContext.Default.DocumentDiagnosticReport);
        _ = OutlineJson.Write(Outline.Of(parsed), new PositionMapper(parsed.Text, parsed.Lines, utf8: false), _ => SymbolKind.Class);
        _ = Folding.Of(parsed);
        return diagnostics;
    }

    /// <summary>Twelve papers: a link, an arXiv id, an exact copy, a copy with one word changed, a truncated title.</summary>
    internal static string Digest()
    {
        string[] topics = ["graph search", "sparse attention", "protein folding", "robot grasping", "speech codecs", "tabular data",
            "weather models", "code repair", "image matting", "query planning"];
        var text = new StringBuilder();
        for (int i = 0; i < topics.Length; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"Scaling {topics[i]} with learned priors and fewer labels, study {i}\n\n");
            text.Append(CultureInfo.InvariantCulture, $"We revisit {topics[i]} under a tight compute budget and show that a learned prior, trained once, ");
            text.Append(CultureInfo.InvariantCulture, $"recovers 97.{i}% of the full model's accuracy with 10x fewer labels. Code: https://github.com/example/study-{i}. ");
            text.Append(CultureInfo.InvariantCulture, $"See arXiv:2406.{11900 + i} for the appendix.\n\n");
        }
        text.Append("Scaling graph search with learned priors and fewer labels, study 0\n\nA verbatim copy of the first entry's title, with another abstract of enough letters to count as one.\n\n");
        text.Append("Scaling graph search with learned priors and more labels, study 0\n\nThe same title with one word changed, and again an abstract long enough to be fingerprinted here.\n\n");
        return text.ToString();
    }
}
