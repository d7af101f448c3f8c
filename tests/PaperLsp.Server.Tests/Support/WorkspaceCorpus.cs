using System.Globalization;
using System.Text;

namespace PaperLsp.Server.Tests.Support;

/// <summary>
/// A folder of generated digests, like ../shared/bench/mkcorpus.py's workspace but small enough for the
/// normal suite: file f holds <c>entries</c> papers of its own ("Paper f-e …") and one of ten shared papers
/// ("Shared Finding k"), so every shared paper is in a tenth of the files.
/// </summary>
public sealed class WorkspaceCorpus : IDisposable
{
    private static readonly string[] Words = ["sparse", "graphs", "diffusion", "agents", "retrieval", "vision", "kernels", "memory", "policies", "tokens", "proteins", "robots"];

    public WorkspaceCorpus(int files, int entries)
    {
        Root = Path.Combine(Path.GetTempPath(), "paperlsp-ws-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        for (int f = 0; f < files; f++) File.WriteAllText(PathOf(f), Digest(f, entries));
    }

    public string Root { get; }

    public string PathOf(int file) => Path.Combine(Root, string.Create(CultureInfo.InvariantCulture, $"digest-{file:D4}.digest"));

    public string UriOf(int file) => new Uri(PathOf(file)).AbsoluteUri;

    public static string OwnTitle(int file, int entry) =>
        string.Create(CultureInfo.InvariantCulture, $"Paper {file:D4}-{entry} on {Words[(file + entry) % Words.Length]} and {Words[(file * 7 + entry * 3) % Words.Length]}");

    public static string SharedTitle(int k) => string.Create(CultureInfo.InvariantCulture, $"Shared Finding {k} about Scaling Laws");

    private static string Digest(int f, int entries)
    {
        var sb = new StringBuilder();
        for (int e = 0; e < entries; e++)
        {
            if (e == entries / 2) Entry(sb, SharedTitle(f % 10), 10_000 + f % 10);
            Entry(sb, OwnTitle(f, e), f * 1000 + e);
        }
        return sb.ToString();
    }

    private static void Entry(StringBuilder sb, string title, int seed)
    {
        sb.Append(title).Append("\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"We study problem number {seed} with a method that learns from data and reports results on three benchmarks; ");
        sb.Append(CultureInfo.InvariantCulture, $"the approach {seed % 97} improves accuracy by {seed % 13}.{seed % 10}% over strong baselines and scales to large inputs.\n\n");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
