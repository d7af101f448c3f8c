namespace PaperLsp.Cli;

/// <summary>Parses the command line by hand: the grammar is five verbs and a few options.</summary>
internal static class CommandLine
{
    public const int Clean = 0;
    public const int Findings = 1;
    public const int Usage = 2;

    public const string UsageText = """
        usage: paperlsp check PATH... [--format text|json]   check digests (files or folders)
               paperlsp outline FILE [--format text|json]    print the outline of a digest
               paperlsp fix PATH... [--dry-run] [--remove-duplicates]
                                                             apply the safe fixes and format (--dry-run: print a diff)
               paperlsp lsp (or --stdio)                     run the language server on stdio
               paperlsp --version
        Exit codes: 0 clean, 1 warnings or errors found, 2 bad usage or unreadable input.
        """;

    public static int Run(string[] args, CliOutput output)
    {
        try
        {
            return Dispatch(args, output);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            output.Error($"internal error: {e.GetType().Name}: {e.Message}");
            return Usage;
        }
    }

    private static int Dispatch(string[] args, CliOutput output)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            output.Line(UsageText);
            return args.Length == 0 ? Usage : Clean;
        }
        if (args[0] == "--version")
        {
            output.Line("paperlsp " + typeof(CommandLine).Assembly.GetName().Version);
            return Clean;
        }
        if (args[0] == "fix") return FixCommand.Run(args.AsSpan(1), output);
        if (!TryOptions(args.AsSpan(1), out var paths, out bool json, out string? error))
        {
            output.Error(error!);
            output.Error(UsageText);
            return Usage;
        }
        switch (args[0])
        {
            case "check":
                // A batch job: throughput over pauses, so no background collections (the server keeps them),
                // and up to a budget none at all (BatchMemory).
                System.Runtime.GCSettings.LatencyMode = System.Runtime.GCLatencyMode.Batch;
                return CheckCommand.Run(paths, json, output);
            case "outline" when paths.Count == 1:
                return OutlineCommand.Run(paths[0], json, output);
            case "outline":
                output.Error("outline takes exactly one FILE");
                output.Error(UsageText);
                return Usage;
            default:
                output.Error($"unknown command '{args[0]}'");
                output.Error(UsageText);
                return Usage;
        }
    }

    private static bool TryOptions(ReadOnlySpan<string> args, out List<string> paths, out bool json, out string? error)
    {
        paths = [];
        json = false;
        error = null;
        for (int i = 0; i < args.Length; i++)
        {
            string a = args[i];
            if (a == "--format" || a.StartsWith("--format=", StringComparison.Ordinal))
            {
                string? value = a.Length > 8 ? a[9..] : i + 1 < args.Length ? args[++i] : null;
                if (value is not ("text" or "json")) { error = "--format takes 'text' or 'json'"; return false; }
                json = value == "json";
            }
            else if (a.StartsWith("--", StringComparison.Ordinal)) { error = $"unknown option '{a}'"; return false; }
            else paths.Add(a);
        }
        if (paths.Count == 0) { error = "no PATH given"; return false; }
        return true;
    }
}
