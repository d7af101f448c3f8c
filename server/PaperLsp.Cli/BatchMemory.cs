namespace PaperLsp.Cli;

/// <summary>
/// Garbage collection for a one-shot command. `check` allocates 4.5–7 times the size of its input and keeps
/// most of it to the end (the text, the papers, the duplicate index), so collecting on the way mostly copies
/// live objects from one generation to the next: on 206 MB that was 0.6–0.8 s of 2.7–3.4. Within a bounded
/// budget the collections are put off until the process exits; past it, the runtime collects as usual.
/// </summary>
internal static class BatchMemory
{
    private const long MinimumBudget = 64L << 20;
    private const long MaximumBudget = 4L << 30;

    /// <summary>The allowance for <paramref name="inputBytes"/> of digests, or 0 when it would be too large to put off.</summary>
    public static long BudgetFor(long inputBytes, long availableBytes)
    {
        long budget = Math.Max(MinimumBudget, inputBytes * 8 + MinimumBudget);
        return budget <= Math.Min(MaximumBudget, availableBytes / 4) ? budget : 0;
    }

    /// <summary>Puts collections off for <paramref name="inputBytes"/> of input; disposing lets them run again.</summary>
    public static Scope PutOffCollections(long inputBytes)
    {
        long budget = BudgetFor(inputBytes, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);
        if (budget == 0) return new Scope(false);
        try
        {
            return new Scope(GC.TryStartNoGCRegion(budget));
        }
        catch (ArgumentOutOfRangeException)
        {
            return new Scope(false); // more than this runtime can set aside at once: collect as usual
        }
        catch (InvalidOperationException)
        {
            return new Scope(false); // already in such a region
        }
    }

    /// <summary>While it lasts (and the budget holds), no collection runs.</summary>
    public sealed class Scope(bool active) : IDisposable
    {
        public bool Active => active && System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.NoGCRegion;

        public void Dispose()
        {
            if (!Active) return;
            try
            {
                GC.EndNoGCRegion();
            }
            catch (InvalidOperationException)
            {
                // the budget ran out and the runtime collected: the region had already ended
            }
        }
    }
}
