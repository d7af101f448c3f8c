using System.Text;
using PaperLsp.Core.Fixes;
using PaperLsp.Core.Syntax;

namespace PaperLsp.Cli;

/// <summary>
/// `paperlsp fix PATH… [--dry-run] [--remove-duplicates]`: applies the safe fixes (those that delete nothing but
/// whitespace and page boilerplate; exact duplicate copies inside one file only with --remove-duplicates) and
/// formats, prints what changed in each file, and writes each file atomically. With --dry-run it writes nothing
/// and prints a unified diff instead. Exit codes: 0 done, 2 bad usage or a file that could not be read or written.
/// </summary>
internal static class FixCommand
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static int Run(ReadOnlySpan<string> args, CliOutput output)
    {
        bool dryRun = false, removeDuplicates = false;
        var paths = new List<string>();
        foreach (var a in args)
        {
            if (a == "--dry-run") dryRun = true;
            else if (a == "--remove-duplicates") removeDuplicates = true;
            else if (a.StartsWith("--", StringComparison.Ordinal)) return Usage(output, $"unknown option '{a}' for fix");
            else paths.Add(a);
        }
        if (paths.Count == 0) return Usage(output, "no PATH given");

        var errors = new List<string>();
        var notes = new List<string>();
        var files = InputFiles.Discover(paths, CliSettings.Load(paths, output), errors, notes);
        foreach (var n in notes) output.Error(n);
        int changed = 0, unchanged = 0;
        foreach (var path in files)
        {
            string shown = path.Replace('\\', '/');
            if (Fix(path, shown, dryRun, removeDuplicates, output, errors) is not { } didChange) continue;
            if (didChange) changed++;
            else unchanged++;
        }
        foreach (var e in errors) output.Error(e);
        if (changed + unchanged == 0 && errors.Count == 0)
        {
            output.Error($"no digests found under {string.Join(' ', paths)}");
            return CommandLine.Usage;
        }
        output.Line(dryRun
            ? $"{Files(changed)} would change, {unchanged} unchanged (dry run: nothing written)"
            : $"{Files(changed)} fixed, {unchanged} unchanged");
        return errors.Count > 0 ? CommandLine.Usage : CommandLine.Clean;
    }

    /// <summary>Fixes one file: true when it changed (or would), false when not, null when it could not be done.</summary>
    private static bool? Fix(string path, string shown, bool dryRun, bool removeDuplicates, CliOutput output, List<string> errors)
    {
        var loaded = InputFiles.Load(path);
        if (loaded.Error is not null) { errors.Add(loaded.Error); return null; }
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
            if (Strict.GetString(bytes) != loaded.Text) throw new DecoderFallbackException();
        }
        catch (DecoderFallbackException)
        {
            errors.Add($"{path}: not valid UTF-8; left as it is (fixing it would change bytes that are not text)");
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add($"{path}: cannot read ({e.Message})");
            return null;
        }

        var run = SafeFixes.Run(DigestParser.Parse(loaded.Text!, path), path, removeDuplicates);
        foreach (var s in run.Skipped) output.Line($"{shown}: {s}");
        if (!run.Changed) return false;
        foreach (var a in run.Applied) output.Line($"{shown}: {a}");
        if (dryRun)
        {
            foreach (var line in UnifiedDiff.Render(shown, loaded.Text!, run.Edits)) output.Line(line);
            return true;
        }
        try
        {
            AtomicFile.Replace(path, Strict.GetBytes(run.Text), bytes);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Add($"{path}: not written, the file is as it was ({e.Message})");
            return null;
        }
    }

    private static string Files(int n) => n == 1 ? "1 file" : $"{n} files";

    private static int Usage(CliOutput output, string error)
    {
        output.Error(error);
        output.Error(CommandLine.UsageText);
        return CommandLine.Usage;
    }
}
