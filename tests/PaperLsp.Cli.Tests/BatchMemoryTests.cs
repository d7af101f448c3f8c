namespace PaperLsp.Cli.Tests;

/// <summary>`check` puts collections off within a budget that grows with its input and never exceeds a bound.</summary>
[NonParallelizable]
public class BatchMemoryTests
{
    private const long MB = 1L << 20;

    [Test]
    public void The_budget_grows_with_the_input_and_stops_at_a_bound()
    {
        long plenty = 64L << 30;
        Assert.That(BatchMemory.BudgetFor(0, plenty), Is.EqualTo(64 * MB));
        Assert.That(BatchMemory.BudgetFor(206 * MB, plenty), Is.EqualTo(206 * MB * 8 + 64 * MB));
        Assert.That(BatchMemory.BudgetFor(600 * MB, plenty), Is.Zero, "over 4 GB: collect as usual");
        Assert.That(BatchMemory.BudgetFor(206 * MB, 4L << 30), Is.Zero, "over a quarter of the memory available");
    }

    [Test]
    public void Collections_are_put_off_inside_the_scope_and_run_again_after_it()
    {
        int before;
        using (var scope = BatchMemory.PutOffCollections(1 * MB))
        {
            Assert.That(scope.Active, Is.True);
            before = GC.CollectionCount(0); // entering the region collects once
            for (int i = 0; i < 2000; i++) _ = new byte[8 * 1024]; // 16 MB of garbage, inside the 72 MB budget
            Assert.That(GC.CollectionCount(0), Is.EqualTo(before), "no collection inside the budget");
        }
        Assert.That(System.Runtime.GCSettings.LatencyMode, Is.Not.EqualTo(System.Runtime.GCLatencyMode.NoGCRegion));
        GC.Collect();
        Assert.That(GC.CollectionCount(0), Is.GreaterThan(before));
    }

    [Test]
    public void Check_leaves_the_process_collecting_as_usual()
    {
        using var dir = new TempFolder();
        string file = Path.Combine(dir.Path, "a.digest");
        File.WriteAllText(file, "A Paper About Graphs\n\nWe study graphs and report results on many benchmarks for a long while.\n");
        var r = CliRunner.Run("check", file);
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stdout + r.Stderr);
        Assert.That(System.Runtime.GCSettings.LatencyMode, Is.Not.EqualTo(System.Runtime.GCLatencyMode.NoGCRegion));
    }
}
