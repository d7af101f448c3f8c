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

    public void Line(string text) => stdout.Write(Safe(text) + "\n");

    /// <summary>Already-safe text (JSON escapes its own control characters).</summary>
    public void Raw(string text) => stdout.Write(text);

    public void Error(string text)
    {
        stdout.Flush();
        stderr.WriteLine("paperlsp: " + Safe(text));
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
