namespace PaperLsp.Cli.Tests;

/// <summary>The GC heap is advised to use transparent huge pages, and only the heap's own mappings are.</summary>
public class HugePagesTests
{
    private static (ulong, ulong, bool) Map(ulong start, ulong end, bool anonymous = true) => (start, end, anonymous);

    [Test]
    public void The_heap_range_is_the_run_of_adjacent_anonymous_mappings_around_the_address()
    {
        var maps = new List<(ulong, ulong, bool)>
        {
            Map(0x1000, 0x2000, anonymous: false), // the executable
            Map(0x2000, 0x3000),
            Map(0x5000, 0x6000),                    // a gap before: not part of the run
            Map(0x6000, 0x9000),                    // committed part of the reserve
            Map(0x9000, 0xF000),                    // reserved part
            Map(0xF000, 0x10000, anonymous: false), // a file right after
        };
        Assert.That(HugePages.HeapRange(maps, 0x7000), Is.EqualTo(((ulong)0x5000, (ulong)0xF000)));
        Assert.That(HugePages.HeapRange(maps, 0x2800), Is.EqualTo(((ulong)0x2000, (ulong)0x3000)));
        Assert.That(HugePages.HeapRange(maps, 0x1800), Is.Null, "a file mapping is never advised");
        Assert.That(HugePages.HeapRange(maps, 0x4000), Is.Null, "an address outside every mapping");
    }

    [Test]
    public void Turned_off_by_the_environment_setting()
    {
        var result = HugePages.AdviseGcHeap("0");
        Assert.That(result.Applied, Is.False);
        Assert.That(result.Detail, Does.Contain("PAPERLSP_HUGEPAGES=0"));
    }

    [Test]
    public void On_linux_the_mapping_of_new_objects_carries_the_huge_page_advice()
    {
        var result = HugePages.AdviseGcHeap(null);
        if (!OperatingSystem.IsLinux())
        {
            Assert.That(result.Applied, Is.False, "transparent huge pages are a Linux feature");
            return;
        }
        Assert.That(result.Applied, Is.True, result.Detail);
        ulong address = HugePages.AddressOfNewObject();
        Assert.That(address, Is.InRange(result.Start, result.End - 1));
        // smaps lists each mapping's flags; "hg" is the kernel's mark for MADV_HUGEPAGE.
        Assert.That(VmFlagsAt(address), Does.Contain(" hg"));
    }

    private static string VmFlagsAt(ulong address)
    {
        bool inside = false;
        foreach (string line in File.ReadLines("/proc/self/smaps"))
        {
            int dash = line.IndexOf('-', StringComparison.Ordinal);
            int space = line.IndexOf(' ', StringComparison.Ordinal);
            if (dash > 0 && space > dash && ulong.TryParse(line.AsSpan(0, dash), System.Globalization.NumberStyles.AllowHexSpecifier, null, out ulong start)
                && ulong.TryParse(line.AsSpan(dash + 1, space - dash - 1), System.Globalization.NumberStyles.AllowHexSpecifier, null, out ulong end))
                inside = start <= address && address < end;
            else if (inside && line.StartsWith("VmFlags:", StringComparison.Ordinal)) return line;
        }
        return "";
    }
}
