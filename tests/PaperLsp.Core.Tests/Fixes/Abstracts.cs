namespace PaperLsp.Core.Tests.Fixes;

/// <summary>Abstract texts the fixtures share (each reads as an abstract to the parser).</summary>
internal static class Abstracts
{
    public const string A = "We propose a method that does one thing well. It improves accuracy by 4.2% on two benchmarks.";
    public const string B = "This paper studies another question in depth. We find that the answer depends on scale in a simple way.";
    public const string C = "Partitioning a graph while its edges arrive is hard. We assign each incoming edge with a score balancing load and cut.";
    public const string More = "Fast weights are written by a Hebbian rule at every step, and the slow network is consolidated only at task boundaries, which keeps it cheap.";
}
