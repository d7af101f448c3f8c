using System.Globalization;
using System.Runtime.InteropServices;

namespace PaperLsp.Cli;

/// <summary>
/// Asks Linux to back the garbage-collected heap with transparent huge pages (madvise MADV_HUGEPAGE on the
/// address range the runtime reserved for it). Where THP is in "madvise" mode, as on the dev box, every
/// fresh 4 KB page of the heap otherwise costs a page fault: 2.9 µs each there, so `check` on 206 MB spent
/// 1.0 s of system time faulting in 770 MB; with 2 MB pages it is 0.4–0.5 s. The runtime does not ask by
/// itself. Set PAPERLSP_HUGEPAGES=0 to leave the heap as it is.
/// </summary>
internal static class HugePages
{
    private const int MadviseHugePage = 14; // MADV_HUGEPAGE in <sys/mman.h>

    /// <summary>What <see cref="AdviseGcHeap"/> did: the advised range, or why nothing was advised.</summary>
    public sealed record Result(bool Applied, ulong Start, ulong End, string Detail);

    public static Result AdviseGcHeap() => AdviseGcHeap(Environment.GetEnvironmentVariable("PAPERLSP_HUGEPAGES"));

    /// <param name="setting">The value of PAPERLSP_HUGEPAGES: "0" turns the advice off.</param>
    internal static Result AdviseGcHeap(string? setting)
    {
        if (setting == "0") return new Result(false, 0, 0, "PAPERLSP_HUGEPAGES=0");
        if (!OperatingSystem.IsLinux()) return new Result(false, 0, 0, "not Linux");
        try
        {
            ulong probe = AddressOfNewObject();
            if (HeapRange(ReadMaps(), probe) is not var (start, end)) return new Result(false, 0, 0, "the heap's mapping was not found");
            int rc = madvise((nint)start, (nuint)(end - start), MadviseHugePage);
            return rc == 0
                ? new Result(true, start, end, $"{(end - start) >> 20} MB advised")
                : new Result(false, start, end, $"madvise failed: errno {Marshal.GetLastPInvokeError()}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DllNotFoundException or EntryPointNotFoundException or FormatException)
        {
            return new Result(false, 0, 0, e.Message);
        }
    }

    /// <summary>
    /// The run of address-contiguous anonymous mappings that holds <paramref name="address"/>: the runtime
    /// reserves the heap as one range, which committing splits into several mappings side by side.
    /// </summary>
    internal static (ulong Start, ulong End)? HeapRange(IReadOnlyList<(ulong Start, ulong End, bool Anonymous)> maps, ulong address)
    {
        int at = -1;
        for (int i = 0; i < maps.Count; i++)
            if (maps[i].Anonymous && maps[i].Start <= address && address < maps[i].End) at = i;
        if (at < 0) return null;
        int first = at, last = at;
        while (first > 0 && maps[first - 1].Anonymous && maps[first - 1].End == maps[first].Start) first--;
        while (last + 1 < maps.Count && maps[last + 1].Anonymous && maps[last + 1].Start == maps[last].End) last++;
        return (maps[first].Start, maps[last].End);
    }

    /// <summary>/proc/self/maps: each mapping's range, and whether it is anonymous (no file, no [name]).</summary>
    internal static List<(ulong Start, ulong End, bool Anonymous)> ReadMaps()
    {
        var maps = new List<(ulong, ulong, bool)>();
#pragma warning disable RS0030 // the process's own memory map, not user input
        foreach (string line in File.ReadLines("/proc/self/maps"))
#pragma warning restore RS0030
        {
            // "start-end perms offset dev inode [path]"
            var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 5) continue;
            int dash = fields[0].IndexOf('-', StringComparison.Ordinal);
            if (dash < 0) continue;
            maps.Add((Hex(fields[0].AsSpan(0, dash)), Hex(fields[0].AsSpan(dash + 1)), fields.Length == 5 || fields[5].Trim().Length == 0));
        }
        return maps;
    }

    private static ulong Hex(ReadOnlySpan<char> s) => ulong.Parse(s, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    /// <summary>Where a freshly allocated object lives: inside the heap's reserved range.</summary>
    internal static ulong AddressOfNewObject()
    {
        var probe = new byte[16];
        var handle = GCHandle.Alloc(probe, GCHandleType.Pinned);
        try
        {
            return (ulong)handle.AddrOfPinnedObject();
        }
        finally
        {
            handle.Free();
        }
    }

#pragma warning disable SYSLIB1054 // one blittable call; LibraryImport would need unsafe code in this project
    [DllImport("libc", SetLastError = true)]
    private static extern int madvise(nint address, nuint length, int advice);
#pragma warning restore SYSLIB1054
}
