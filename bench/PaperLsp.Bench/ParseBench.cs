using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using PaperLsp.Core.Syntax;

namespace PaperLsp.Bench;

/// <summary>Wall time and process CPU time (user + system, all threads) of one phase, in ms.</summary>
internal readonly record struct Cost(double Wall, double Cpu)
{
    public static Cost operator +(Cost a, Cost b) => new(a.Wall + b.Wall, a.Cpu + b.Cpu);
}

/// <summary>A stopwatch that also reads the process's CPU time: on a busy machine wall time includes
/// waiting for a core, CPU time does not (it still includes page faults, which are real work).</summary>
internal sealed class Clock
{
    private readonly Process _process = Process.GetCurrentProcess();
    private readonly Stopwatch _wall = new();
    private TimeSpan _cpu;

    public void Start()
    {
        _process.Refresh();
        _cpu = _process.TotalProcessorTime;
        _wall.Restart();
    }

    /// <summary>The cost since Start or the last Lap.</summary>
    public Cost Lap()
    {
        double wall = _wall.Elapsed.TotalMilliseconds;
        _process.Refresh();
        var cpu = _process.TotalProcessorTime;
        var cost = new Cost(wall, (cpu - _cpu).TotalMilliseconds);
        _cpu = cpu;
        _wall.Restart();
        return cost;
    }
}

/// <summary>`parse FILE`: the physical floors and the parser's throughput on the same file, run after run.</summary>
internal static class ParseBench
{
    /// <summary>The decoder the CLI uses (InputFiles.Load): no BOM stripping, invalid bytes become U+FFFD.</summary>
    internal static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>With --cold, Quiesce compacts the heap, so the GC may hand memory back to the OS.</summary>
    internal static bool Cold { get; set; }

    private sealed record RunResult(
        Cost FloorRead, Cost FloorSplit, long FloorLines,
        Cost DecRead, Cost DecDecode, Cost DecLines,
        Cost ParseRead, Cost ParseDecode, Cost ParseOnly, int Papers, long HeapAfter, long Allocated)
    {
        public Cost Floor => FloorRead + FloorSplit;
        public Cost DecodeFloor => DecRead + DecDecode + DecLines;
        public Cost ParseTotal => ParseRead + ParseDecode + ParseOnly;
    }

    public static void Run(string file, int repeat, int warmup, Out output)
    {
        double mb = new FileInfo(file).Length / 1e6;
        string name = Path.GetFileName(file);
        output.Line(string.Create(CultureInfo.InvariantCulture,
            $"# parse {name}: {mb:F1} MB, {repeat} timed runs after {warmup} warm-up(s){(Cold ? ", heap compacted between phases (--cold)" : "")}; times are wall ms (CPU ms)"));
        var runs = new List<RunResult>();
        for (int r = -warmup; r < repeat; r++)
        {
            var x = OneRun(file);
            string Ms(Cost c) => string.Create(CultureInfo.InvariantCulture, $"{c.Wall:F0} ({c.Cpu:F0})");
            output.Line(string.Create(CultureInfo.InvariantCulture,
                $"{(r < 0 ? $"warm-up {r + warmup + 1}" : $"run {r + 1}")}: floor read {Ms(x.FloorRead)} + split {Ms(x.FloorSplit)} = {x.Floor.Wall:F0} ms, {mb / (x.Floor.Wall / 1e3):F0} MB/s, {x.FloorLines} lines | " +
                $"decode floor read {Ms(x.DecRead)} + decode {Ms(x.DecDecode)} + lines {Ms(x.DecLines)} = {x.DecodeFloor.Wall:F0} ms, {mb / (x.DecodeFloor.Wall / 1e3):F0} MB/s | " +
                $"parse read {Ms(x.ParseRead)} + decode {Ms(x.ParseDecode)} + Parse {Ms(x.ParseOnly)} = {x.ParseTotal.Wall:F0} ms, {mb / (x.ParseTotal.Wall / 1e3):F0} MB/s (Parse alone {mb / (x.ParseOnly.Wall / 1e3):F0} MB/s) | " +
                $"{x.Papers} papers, heap {x.HeapAfter / 1e6:F0} MB, Parse allocated {x.Allocated / 1e6:F0} MB | parse/floor {x.ParseTotal.Wall / x.Floor.Wall:F1}x"));
            if (r >= 0) runs.Add(x);
        }

        output.Line("");
        output.Line("| file | metric | median | min | max | by CPU time (median) | unit |");
        output.Line("|---|---|---|---|---|---|---|");
        string label = string.Create(CultureInfo.InvariantCulture, $"{name} ({mb:F1} MB)");
        string F(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);
        void Row(string metric, Func<RunResult, double> wall, Func<RunResult, double>? cpu, string unit, string format)
        {
            var v = runs.Select(wall).Order().ToArray();
            string byCpu = cpu is null ? "–" : F(Median([.. runs.Select(cpu).Order()]), format);
            output.Line($"| {label} | {metric} | **{F(Median(v), format)}** | {F(v[0], format)} | {F(v[^1], format)} | {byCpu} | {unit} |");
        }
        void Throughput(string metric, Func<RunResult, Cost> cost)
        {
            Row(metric, x => mb / (cost(x).Wall / 1e3), x => mb / (cost(x).Cpu / 1e3), "MB/s", "N0");
            Row(metric.Split(':')[0] + " time", x => cost(x).Wall, x => cost(x).Cpu, "ms", "N0");
        }
        Throughput("(a) floor: ReadAllBytes + split lines on (byte)'\\n'", x => x.Floor);
        Throughput("(b) decode floor: ReadAllBytes + UTF-8 → string + EnumerateLines", x => x.DecodeFloor);
        Throughput("(c) parse: ReadAllBytes + UTF-8 decode + DigestParser.Parse", x => x.ParseTotal);
        Throughput("(c) decode + Parse (file already read)", x => x.ParseDecode + x.ParseOnly);
        Throughput("(c) Parse alone (text already decoded)", x => x.ParseOnly);
        Row("papers found", x => x.Papers, null, "count", "N0");
        Row("managed heap after parse, document alive (GC.GetTotalMemory(true))", x => x.HeapAfter / 1e6, null, "MB", "N0");
        Row("allocated during Parse", x => x.Allocated / 1e6, null, "MB", "N0");
        Row("ratio parse (c) / floor (a)", x => x.ParseTotal.Wall / x.Floor.Wall, x => x.ParseTotal.Cpu / x.Floor.Cpu, "×", "F1");
        Row("ratio parse (c) / decode floor (b)", x => x.ParseTotal.Wall / x.DecodeFloor.Wall, x => x.ParseTotal.Cpu / x.DecodeFloor.Cpu, "×", "F2");
        output.Line(string.Create(CultureInfo.InvariantCulture, $"# peak working set of the bench process: {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB"));
    }

    internal static double Median(double[] sorted) =>
        sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;

    private static RunResult OneRun(string file)
    {
        var clock = new Clock();
        var (floorRead, floorSplit, floorLines) = Floor(file, clock);
        var (decRead, decDecode, decLines) = DecodeFloor(file, clock);
        var (parseRead, parseDecode, parseOnly, papers, heap, allocated) = ParseOnce(file, clock);
        return new RunResult(floorRead, floorSplit, floorLines, decRead, decDecode, decLines,
            parseRead, parseDecode, parseOnly, papers, heap, allocated);
    }

    /// <summary>
    /// Everything from the phase before is collected, so no phase pays for another's garbage. By default the
    /// heap is not compacted and freed memory is reused, as in a long-running server (and in LineFloor.cs);
    /// --cold compacts it.
    /// </summary>
    internal static void Quiesce()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: Cold);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: Cold);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (Cost Read, Cost Split, long Lines) Floor(string file, Clock clock)
    {
        Quiesce();
        clock.Start();
        byte[] bytes = File.ReadAllBytes(file);
        var read = clock.Lap();
        long lines = 0, sum = 0;
        ReadOnlySpan<byte> s = bytes;
        while (true)
        {
            int i = s.IndexOf((byte)'\n');
            lines++;
            sum += i < 0 ? s.Length : i;
            if (i < 0) break;
            s = s[(i + 1)..];
        }
        var split = clock.Lap();
        GC.KeepAlive(sum);
        return (read, split, lines);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (Cost Read, Cost Decode, Cost Lines) DecodeFloor(string file, Clock clock)
    {
        Quiesce();
        clock.Start();
        byte[] bytes = File.ReadAllBytes(file);
        var read = clock.Lap();
        string text = Utf8.GetString(bytes);
        var decode = clock.Lap();
        long count = 0;
        foreach (var _ in text.AsSpan().EnumerateLines()) count++;
        var lines = clock.Lap();
        GC.KeepAlive(count);
        return (read, decode, lines);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static string ReadAndDecode(string file, Clock clock, out Cost read)
    {
        clock.Start();
        byte[] bytes = File.ReadAllBytes(file);
        read = clock.Lap();
        return Utf8.GetString(bytes);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (Cost Read, Cost Decode, Cost Parse, int Papers, long Heap, long Allocated) ParseOnce(string file, Clock clock)
    {
        Quiesce();
        string text = ReadAndDecode(file, clock, out var read);
        var decode = clock.Lap();
        long before = GC.GetAllocatedBytesForCurrentThread();
        clock.Lap();
        var doc = DigestParser.Parse(text, file);
        var parse = clock.Lap();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        long heap = GC.GetTotalMemory(forceFullCollection: true);
        int papers = doc.Papers.Count;
        GC.KeepAlive(doc);
        return (read, decode, parse, papers, heap, allocated);
    }
}
