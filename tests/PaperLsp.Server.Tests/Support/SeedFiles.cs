namespace PaperLsp.Server.Tests.Support;

/// <summary>The real seed digests in ../shared/seeds (never copied into the repository); tests skip when absent.</summary>
public static class SeedFiles
{
    public const string Spaced = "000_28557f506f1a8781.txt";
    public const string Compact = "004_2519e4a23e4788df.txt";

    /// <summary>The seed's path and text; the test reports itself skipped, with the reason, when the folder is absent.</summary>
    public static (string Path, string Text) Read(string name)
    {
        string path = System.IO.Path.GetFullPath(System.IO.Path.Combine(Paths.RepoRoot, "..", "shared", "seeds", name));
        if (!File.Exists(path)) Assert.Ignore($"seed digest {path} is absent (it lives in ../shared/seeds, which CI always has)");
        return (path, File.ReadAllText(path));
    }
}
