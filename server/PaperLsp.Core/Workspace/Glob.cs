using System.Text;
using System.Text.RegularExpressions;

namespace PaperLsp.Core.Workspace;

/// <summary>
/// A glob over '/'-separated paths relative to a workspace root, as VS Code writes them:
/// <c>**</c> any number of folders, <c>*</c> and <c>?</c> within one name, <c>{a,b}</c> alternatives,
/// <c>[abc]</c> character classes. Matching is case-sensitive, like the file systems it runs on.
/// </summary>
public sealed class Glob
{
    private readonly Regex _regex;

    private Glob(string pattern, Regex regex)
    {
        Pattern = pattern;
        _regex = regex;
    }

    public string Pattern { get; }

    public static Glob Parse(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        string p = pattern.Replace('\\', '/').TrimStart('/');
        if (p.StartsWith("./", StringComparison.Ordinal)) p = p[2..];
        var sb = new StringBuilder("^");
        Translate(p, sb);
        sb.Append('$');
        return new Glob(pattern, new Regex(sb.ToString(), RegexOptions.CultureInvariant | RegexOptions.NonBacktracking));
    }

    public bool IsMatch(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        return _regex.IsMatch(relativePath.Replace('\\', '/'));
    }

    private static void Translate(string p, StringBuilder sb)
    {
        int depth = 0;
        for (int i = 0; i < p.Length; i++)
        {
            char c = p[i];
            if (c == '*' && i + 1 < p.Length && p[i + 1] == '*')
            {
                bool startsSegment = i == 0 || p[i - 1] == '/';
                int after = i + 2;
                if (startsSegment && after < p.Length && p[after] == '/')
                {
                    sb.Append("(?:.*/)?"); // "**/": any folders, or none
                    i = after;
                }
                else if (startsSegment && after == p.Length && i > 0)
                {
                    sb.Length -= 1; // "/**" at the end: the folder itself or anything in it
                    sb.Append("(?:/.*)?");
                    i = after - 1;
                }
                else
                {
                    sb.Append(".*");
                    i = after - 1;
                }
            }
            else if (c == '*') sb.Append("[^/]*");
            else if (c == '?') sb.Append("[^/]");
            else if (c == '{')
            {
                depth++;
                sb.Append("(?:");
            }
            else if (c == '}' && depth > 0)
            {
                depth--;
                sb.Append(')');
            }
            else if (c == ',' && depth > 0) sb.Append('|');
            else if (c == '[' && p.IndexOf(']', i + 1) is int close and > 0)
            {
                string body = p[(i + 1)..close];
                if (body.StartsWith('!')) body = "^" + body[1..];
                sb.Append('[').Append(body.Replace("\\", "\\\\", StringComparison.Ordinal)).Append(']');
                i = close;
            }
            else sb.Append(Regex.Escape(c.ToString()));
        }
        for (; depth > 0; depth--) sb.Append(')');
    }
}
