namespace PaperLsp.Cli.Tests;

/// <summary>Runs the CLI in-process with captured output; paths are relative to a temp or repo folder.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr);

internal static class CliRunner
{
    public static CliResult Run(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var output = new CliOutput(stdout, stderr);
        int code = CommandLine.Run(args, output);
        output.Flush();
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }

    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PaperLsp.sln"))) dir = dir.Parent;
            return dir!.FullName;
        }
    }

    public static string SeedsFolder
    {
        get
        {
            string seeds = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "seeds"));
            if (!Directory.Exists(seeds)) Assert.Ignore($"seed digests are absent at {seeds} (CI always has ../shared/seeds)");
            return seeds;
        }
    }
}

/// <summary>A temporary folder that deletes itself.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "paperlsp-test-" + Guid.NewGuid().ToString("N"));

    public string Write(string name, string text)
    {
        string file = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text);
        return file;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
