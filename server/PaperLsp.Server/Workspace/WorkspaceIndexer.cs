using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using PaperLsp.Core.Duplicates;
using PaperLsp.Core.Model;
using PaperLsp.Core.Syntax;
using PaperLsp.Protocol.Lsp;

namespace PaperLsp.Server.Workspace;

/// <summary>
/// Keeps the digests on disk in the document store: a full scan of the workspace folders in the
/// background (parsed in parallel, reported with $/progress, added in one step so the duplicate index
/// is built once), then one file at a time as watched-file events arrive. All of it runs on one
/// background queue, in order; nothing here runs on the message loop.
/// </summary>
public sealed class WorkspaceIndexer : IDisposable
{
    private readonly ServerSession _session;
    private readonly Channel<Func<CancellationToken, Task>> _work = Channel.CreateUnbounded<Func<CancellationToken, Task>>(new UnboundedChannelOptions { SingleReader = true });
    private CancellationTokenSource _scan = new();
    private Task? _loop;
    private TaskCompletionSource _idle = NewIdle();
    private int _queued;

    public WorkspaceIndexer(ServerSession session) => _session = session;

    /// <summary>The workspace folders, as local paths.</summary>
    public IReadOnlyList<string> Roots { get; set; } = [];

    /// <summary>Completes when every scan and file event queued so far has been applied (tests and benchmarks wait on it).</summary>
    public Task Idle => Volatile.Read(ref _queued) == 0 ? Task.CompletedTask : _idle.Task;

    public void Start(CancellationToken shutdown) => _loop ??= Task.Run(() => LoopAsync(shutdown), shutdown);

    /// <summary>Forgets the indexed files and scans the roots again (settings that shape the index changed).</summary>
    public void Rescan()
    {
        var previous = Interlocked.Exchange(ref _scan, new CancellationTokenSource());
        previous.Cancel();
        previous.Dispose();
        var scan = _scan.Token;
        Enqueue(token => ScanAsync(CancellationTokenSource.CreateLinkedTokenSource(token, scan).Token));
    }

    public void FilesChanged(IReadOnlyList<FileEvent> changes) => Enqueue(token => Task.Run(() => Apply(changes), token));

    private void Enqueue(Func<CancellationToken, Task> work)
    {
        if (Interlocked.Increment(ref _queued) == 1) Volatile.Write(ref _idle, NewIdle());
        _work.Writer.TryWrite(work);
    }

    public void Dispose() => _scan.Dispose();

    private static TaskCompletionSource NewIdle() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task LoopAsync(CancellationToken shutdown)
    {
        try
        {
            await foreach (var work in _work.Reader.ReadAllAsync(shutdown).ConfigureAwait(false))
            {
                try
                {
                    await work(shutdown).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!shutdown.IsCancellationRequested)
                {
                    // a newer scan replaced this one
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    _session.Logger.LogError(e, "Indexing the workspace failed");
                }
                if (Interlocked.Decrement(ref _queued) == 0) _idle.TrySetResult();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task ScanAsync(CancellationToken token)
    {
        var settings = _session.Settings;
        var store = _session.Documents;
        var roots = Roots;
        store.ResetFiles(new DuplicateIndex(settings.NearThreshold) { DisplayName = uri => FileUri.Display(uri, roots) });
        if (Roots.Count == 0) return;
        var clock = Stopwatch.StartNew();
        var progress = await WorkDone.BeginAsync(_session, "Paper digests", "Looking for digests", token).ConfigureAwait(false);
        var paths = new List<string>();
        foreach (string root in Roots)
        {
            var scan = await Task.Run(() => WorkspaceScanner.Scan(root, settings, token), token).ConfigureAwait(false);
            paths.AddRange(scan.Digests);
            foreach (string skipped in scan.Skipped) _session.Logger.LogInformation("Not indexed: {Reason}", skipped);
        }

        double scanned = clock.Elapsed.TotalSeconds;
        var parsed = new ConcurrentBag<KeyValuePair<string, DigestDocument?>>();
        int done = 0;
        long lastReport = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = token };
        await Parallel.ForEachAsync(paths, options, async (path, _) =>
        {
            if (Read(path, settings.MaxFileBytes) is { } doc)
            {
                DuplicateIndex.Prepare(doc);
                Core.Features.WorkspaceSymbols.Prepare(doc);
                parsed.Add(new(FileUri.FromPath(path), doc));
            }
            int n = Interlocked.Increment(ref done);
            long now = clock.ElapsedMilliseconds;
            long last = Interlocked.Read(ref lastReport);
            if (progress is not null && now - last >= 250 && Interlocked.CompareExchange(ref lastReport, now, last) == last)
                await progress.ReportAsync(string.Create(CultureInfo.InvariantCulture, $"Indexing {n:N0} of {paths.Count:N0} digests"), 100 * n / Math.Max(1, paths.Count)).ConfigureAwait(false);
        }).ConfigureAwait(false);
        token.ThrowIfCancellationRequested();
        double read = clock.Elapsed.TotalSeconds;
        store.SetFiles(parsed);
        // Build the duplicate index now, in the background, so that the first request does not pay for it.
        var workspace = ServerSession.Workspace(store.Current);
        int shared = workspace.PapersInSeveralDocuments();
        int papers = parsed.Sum(p => p.Value!.Papers.Count);
        string summary = string.Create(CultureInfo.InvariantCulture,
            $"Indexed {parsed.Count:N0} digests ({papers:N0} papers, {shared:N0} in more than one file) in {clock.Elapsed.TotalSeconds:F1} s (finding {scanned:F1} s, reading and parsing {read - scanned:F1} s, duplicates {clock.Elapsed.TotalSeconds - read:F1} s)");
        _session.Logger.LogInformation("{Summary}", summary);
        if (progress is not null) await progress.EndAsync(summary).ConfigureAwait(false);
        _session.Publisher.Schedule();
    }

    private void Apply(IReadOnlyList<FileEvent> changes)
    {
        var settings = _session.Settings;
        var updates = new Dictionary<string, DigestDocument?>(StringComparer.Ordinal);
        foreach (var change in changes)
        {
            if (FileUri.ToPath(change.Uri) is not { } path) continue;
            string uri = FileUri.FromPath(path);
            string? root = Roots.FirstOrDefault(r => path.StartsWith(r.TrimEnd('/') + "/", StringComparison.Ordinal));
            bool wanted = root is not null && change.Type != FileChangeType.Deleted
                && WorkspaceScanner.Wanted(Path.GetRelativePath(root, path).Replace('\\', '/'), settings)
                && File.Exists(path) && new FileInfo(path).Length <= settings.MaxFileBytes && DigestFiles.IsDigest(path);
            updates[uri] = wanted ? Read(path, settings.MaxFileBytes) : null;
        }
        var known = _session.Documents.Current.Files;
        _session.Documents.SetFiles(updates.Where(u => u.Value is not null || known.ContainsKey(u.Key)));
        _session.Publisher.Schedule();
    }

    private DigestDocument? Read(string path, long maxBytes)
    {
        var loaded = DigestFiles.Load(path, maxBytes);
        if (loaded.Error is not null)
        {
            _session.Logger.LogInformation("Not indexed: {Reason}", loaded.Error);
            return null;
        }
        return DigestParser.Parse(loaded.Text!, path);
    }
}
