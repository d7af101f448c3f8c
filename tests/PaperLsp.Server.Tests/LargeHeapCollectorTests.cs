using PaperLsp.Server.Documents;

namespace PaperLsp.Server.Tests;

/// <summary>A background full collection starts only for a large heap that gathered enough garbage since the last one.</summary>
[NonParallelizable]
public class LargeHeapCollectorTests
{
    private static readonly List<byte[]> Sink = [];

    private static void Allocate(int megabytes)
    {
        for (int i = 0; i < megabytes; i++) Sink.Add(new byte[1 << 20]);
        Sink.Clear();
    }

    [Test]
    public void A_heap_under_the_size_threshold_is_left_alone()
    {
        var collector = new LargeHeapCollector(heapFrom: long.MaxValue, garbageFrom: 1 << 20);
        Allocate(4);
        Assert.That(collector.AfterChange(), Is.False);
    }

    [Test]
    public void Too_little_new_garbage_starts_nothing()
    {
        var collector = new LargeHeapCollector(heapFrom: 0, garbageFrom: 1L << 40);
        Allocate(4);
        Assert.That(collector.AfterChange(), Is.False);
    }

    [Test]
    public async Task Enough_garbage_on_a_large_heap_starts_one_collection_and_then_waits_for_more()
    {
        var collector = new LargeHeapCollector(heapFrom: 0, garbageFrom: 8 << 20);
        int before = GC.CollectionCount(2);
        Allocate(16);
        Assert.That(collector.AfterChange(), Is.True);
        Assert.That(collector.AfterChange(), Is.False, "nothing allocated since");
        for (int waited = 0; GC.CollectionCount(2) == before && waited < 10_000; waited += 20) await Task.Delay(20);
        Assert.That(GC.CollectionCount(2), Is.GreaterThan(before), "the full collection ran");
        Allocate(16);
        Assert.That(collector.AfterChange(), Is.True, "enough new garbage again");
    }
}
