namespace PaperLsp.Server.Documents;

/// <summary>
/// Starts a background full collection when a large heap has gathered a lot of garbage. Each version of a
/// digest of hundreds of MB leaves tens of MB behind (its outline and diagnostics as JSON, line tables, the
/// records of moved papers, the didOpen message itself), mostly large objects that only a full collection
/// frees, and on a heap this size the runtime starts one late: at 206 MB the server's memory grew by ~70 MB
/// per keystroke until it did. Small heaps never reach the thresholds, so typing in an ordinary digest is
/// never slowed by a collection this starts.
/// </summary>
internal sealed class LargeHeapCollector(long heapFrom = 768L << 20, long garbageFrom = 384L << 20)
{
    private long _allocatedAtLast = GC.GetTotalAllocatedBytes();

    /// <summary>After a document changed: collect in the background if the heap is large and has grown by enough since the last time.</summary>
    /// <returns>Whether a collection was started.</returns>
    public bool AfterChange()
    {
        long allocated = GC.GetTotalAllocatedBytes();
        if (allocated - Volatile.Read(ref _allocatedAtLast) < garbageFrom || GC.GetTotalMemory(forceFullCollection: false) < heapFrom) return false;
        Volatile.Write(ref _allocatedAtLast, allocated);
        GC.Collect(2, GCCollectionMode.Forced, blocking: false);
        return true;
    }
}
