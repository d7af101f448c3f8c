namespace PaperLsp.Server.Tests.Support;

public static class Paths
{
    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PaperLsp.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("PaperLsp.sln not found above the test directory");
        }
    }
}
