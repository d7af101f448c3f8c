namespace PaperLsp.Core.Tests.Support;

/// <summary>
/// Annotated baseline files under tests/baselines, reviewed as diffs. Set PAPERLSP_UPDATE_BASELINES=1 to
/// rewrite them from today's output (then read `git diff tests/baselines` before committing).
/// </summary>
public static class Baseline
{
    public static string Folder => Path.Combine(Seeds.RepoRoot, "tests", "baselines");

    public static void Check(string name, string actual)
    {
        string path = Path.Combine(Folder, name);
        if (Environment.GetEnvironmentVariable("PAPERLSP_UPDATE_BASELINES") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
        }
        Assert.That(File.Exists(path), $"baseline {path} is missing: run the tests once with PAPERLSP_UPDATE_BASELINES=1");
        Assert.That(actual, Is.EqualTo(File.ReadAllText(path)), $"{name} differs from its baseline (PAPERLSP_UPDATE_BASELINES=1 rewrites it)");
    }
}
