using System.Globalization;
using System.Runtime;
using System.Text;

namespace PaperLsp.Bench;

internal static class BenchMain
{
    public const string Usage = """
        usage: paperlsp-bench parse FILE [--repeat N] [--warmup W] [--cold]       floors and parse throughput (N timed runs after W warm-ups; defaults 5 and 1)
               paperlsp-bench breakdown FILE [--repeat N] [--warmup W] [--cold]   time of each stage of parse and check
               (--cold: compact the heap between phases, so freed memory may go back to the OS)
               paperlsp-bench edits FILE [--repeat N] [--warmup W]      the server's edit -> diagnostics path in process, step by step
               paperlsp-bench open FILE [--repeat N] [--warmup W]       the server's didOpen -> first diagnostics path in process, step by step
               paperlsp-bench index FOLDER [--repeat N]           the workspace index: read, parse, duplicate keys, then the duplicate index
               paperlsp-bench dump FILE [--full]            hashes of the parse result (behaviour check)
        """;

    public static int Run(string[] args)
    {
        using var output = Out.ForConsole();
        if (args.Length < 2 || args[0] is "-h" or "--help")
        {
            output.Error(Usage);
            return 2;
        }
        string verb = args[0], file = args[1];
        int repeat = 5, warmup = 1;
        bool full = false;
        for (int i = 2; i < args.Length; i++)
        {
            if (args[i] == "--repeat" && i + 1 < args.Length && int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0)
                repeat = n;
            else if (args[i] == "--warmup" && i + 1 < args.Length && int.TryParse(args[++i], NumberStyles.None, CultureInfo.InvariantCulture, out int w))
                warmup = w;
            else if (args[i] == "--full") full = true;
            else if (args[i] == "--cold") ParseBench.Cold = true;
            else
            {
                output.Error($"unknown or bad option '{args[i]}'\n{Usage}");
                return 2;
            }
        }
        if (!File.Exists(file) && !Directory.Exists(file))
        {
            output.Error($"{file}: no such file");
            return 2;
        }
#if DEBUG
        output.Error("warning: this is a Debug build; run with -c Release for real numbers");
#endif
        output.Line(string.Create(CultureInfo.InvariantCulture,
            $"# .NET {Environment.Version}, {Environment.ProcessorCount} cores, ServerGC={GCSettings.IsServerGC}, GC latency={GCSettings.LatencyMode}, TieredPGO={AppContext.TryGetSwitch("System.Runtime.TieredPGO", out bool pgo) && pgo}"));
        switch (verb)
        {
            case "parse":
                ParseBench.Run(file, repeat, warmup, output);
                return 0;
            case "breakdown":
                Breakdown.Run(file, repeat, warmup, output);
                return 0;
            case "edits":
                EditBench.Run(file, repeat, warmup, output);
                return 0;
            case "open":
                OpenBench.Run(file, repeat, warmup, output);
                return 0;
            case "index":
                IndexBench.Run(file, repeat, output);
                return 0;
            case "dump":
                Dump.Run(file, full, output);
                return 0;
            default:
                output.Error($"unknown verb '{verb}'\n{Usage}");
                return 2;
        }
    }
}

/// <summary>The bench's only door to the console (the analyzers ban Console.WriteLine elsewhere).</summary>
internal sealed class Out : IDisposable
{
    private readonly TextWriter _stdout;
    private readonly TextWriter _stderr;

    private Out(TextWriter stdout, TextWriter stderr)
    {
        _stdout = stdout;
        _stderr = stderr;
    }

    public static Out ForConsole()
    {
#pragma warning disable RS0030 // The bench's one writer to the console.
        var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { AutoFlush = true };
        return new Out(stdout, Console.Error);
#pragma warning restore RS0030
    }

    public void Line(string text) => _stdout.Write(text + "\n");

    public void Error(string text)
    {
        _stdout.Flush();
        _stderr.Write("paperlsp-bench: " + text + "\n");
    }

    public void Dispose() => _stdout.Flush();
}
