using System.Text;

namespace PaperLsp.Cli;

/// <summary>
/// The CLI's only door to the console. Text that came from a digest is made safe for a terminal:
/// control characters (ANSI escapes included) are shown as \u escapes instead of being obeyed.
/// </summary>
internal sealed class CliOutput(TextWriter stdout, TextWriter stderr)
{
    public static CliOutput ForConsole()
    {
#pragma warning disable RS0030 // The one place allowed to take the console's writers.
        var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { AutoFlush = false };
        return new CliOutput(stdout, Console.Error);
#pragma warning restore RS0030
    }

    /// <summary>Writes text and a line break; every line of it is made safe on its own.</summary>
    public void Line(string text)
    {
        foreach (var line in text.Split('\n')) stdout.Write(Safe(line.TrimEnd('\r')) + "\n");
    }

    /// <summary>Already-safe text (JSON escapes its own control characters).</summary>
    public void Raw(string text) => stdout.Write(text);

    public void Error(string text)
    {
        stdout.Flush();
        foreach (var line in text.Split('\n')) stderr.WriteLine("paperlsp: " + Safe(line.TrimEnd('\r')));
    }

    public void Flush() => stdout.Flush();

    public static string Safe(string text)
    {
        if (!NeedsEscape(text)) return text;
        var sb = new StringBuilder(text.Length + 16);
        foreach (char c in text)
        {
            if (char.IsControl(c) && c != '\t' || c is '\u2028' or '\u2029' or '\u202E' or '\u202D')
                sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            else sb.Append(c);
        }
        return sb.ToString();
    }

    private static bool NeedsEscape(string text)
    {
        foreach (char c in text)
            if (char.IsControl(c) && c != '\t' || c is '\u2028' or '\u2029' or '\u202E' or '\u202D') return true;
        return false;
    }
}
