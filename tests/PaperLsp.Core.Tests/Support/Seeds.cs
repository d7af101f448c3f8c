namespace PaperLsp.Core.Tests.Support;

/// <summary>The real digests live in ../shared/seeds beside the repository; they are never copied into it.</summary>
public static class Seeds
{
    public const string Spaced = "000_28557f506f1a8781.txt";
    public const string Compact = "004_2519e4a23e4788df.txt";

    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PaperLsp.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("PaperLsp.sln not found above the test directory");
        }
    }

    public static string Folder => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "seeds"));

    /// <summary>The seed's text; the test reports itself skipped, with the reason, when the folder is absent.</summary>
    public static string Read(string name)
    {
        string path = Path.Combine(Folder, name);
        if (!File.Exists(path)) Assert.Ignore($"seed digest {path} is absent (it lives in ../shared/seeds, which CI always has)");
        return File.ReadAllText(path);
    }
}
