using System.Buffers;
using PaperLsp.Core.Model;
using PaperLsp.Core.Text;

namespace PaperLsp.Core.Facts;

/// <summary>Finds http(s) URLs in a region of text and repairs the copy damage DESIGN §1 lists.</summary>
public static class LinkExtractor
{
    /// <summary>Vectorised "http" OrdinalIgnoreCase (IndexOf(string, OrdinalIgnoreCase) was a scalar hot spot).</summary>
    private static readonly SearchValues<string> Http = SearchValues.Create(["http"], StringComparison.OrdinalIgnoreCase);

    public static List<PaperLink> Find(TextWindow text, TextSpan region, List<PaperLink>? into = null)
    {
        var links = into ?? [];
        int end = Math.Min(region.End, text.Length);
        int i = region.Start;
        while (i < end)
        {
            int rel = text.AsSpan(i, end - i).IndexOfAny(Http);
            if (rel < 0) break;
            int start = i + rel;
            int schemeEnd = SchemeEnd(text, start, end);
            if (schemeEnd < 0 || (start > 0 && char.IsAsciiLetterOrDigit(text[start - 1])))
            {
                i = start + 4;
                continue;
            }
            int stop = ScanEnd(text, schemeEnd, end);
            int trimmed = TrimTrailing(text, start, stop);
            if (trimmed > schemeEnd)
            {
                var raw = text[start..trimmed];
                var (target, damage) = Clean(raw);
                if (target.Length > schemeEnd - start)
                    links.Add(new PaperLink(TextSpan.FromBounds(start, trimmed), raw, target, Classify(target), damage));
            }
            i = Math.Max(stop, start + 4);
        }
        return links;
    }

    private static int SchemeEnd(TextWindow text, int start, int end)
    {
        var s = text.AsSpan(start, end - start);
        if (s.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) return start + 8;
        if (s.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) return start + 7;
        return -1;
    }

    private static int ScanEnd(TextWindow text, int from, int end)
    {
        int depth = 0;
        for (int i = from; i < end; i++)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c) || c is '<' or '>' or '"' or '`' or '|' || char.IsControl(c)) return i;
            if (c == '{') depth++;
            else if (c == '}' && --depth < 0) return i;
        }
        return end;
    }

    /// <summary>Drops sentence punctuation after a URL, and closing brackets that it did not open.</summary>
    private static int TrimTrailing(TextWindow text, int start, int stop)
    {
        while (stop > start)
        {
            char c = text[stop - 1];
            if (c is '.' or ',' or ';' or ':' or '!' or '?' or '\'' or '*')
            {
                stop--;
                continue;
            }
            if (c == ')' && Count(text, start, stop, '(') < Count(text, start, stop, ')')) { stop--; continue; }
            if (c == ']' && Count(text, start, stop, '[') < Count(text, start, stop, ']')) { stop--; continue; }
            break;
        }
        return stop;
    }

    private static int Count(TextWindow text, int start, int stop, char c)
    {
        int n = 0;
        for (int i = start; i < stop; i++) if (text[i] == c) n++;
        return n;
    }

    /// <summary>The target a damaged URL meant, and a word on what was wrong (null when nothing was).</summary>
    public static (string Target, string? Damage) Clean(string raw)
    {
        // Every link of every paper passes here and nearly all are clean: no list, no trim, no new string for them.
        string target = raw;
        string? damage = null;
        int brace = target.IndexOf('{', StringComparison.Ordinal);
        if (brace > 0)
        {
            // "\href{url}{text}" copied as "url{text-url}": keep the first URL.
            target = target[..brace];
            damage = "a doubled \\href leftover";
        }
        if (target.Contains('\\', StringComparison.Ordinal))
        {
            target = target.Replace("\\_", "_", StringComparison.Ordinal)
                           .Replace("\\%", "%", StringComparison.Ordinal)
                           .Replace("\\&", "&", StringComparison.Ordinal)
                           .Replace("\\#", "#", StringComparison.Ordinal)
                           .Replace("\\~", "~", StringComparison.Ordinal);
            damage = damage is null ? "LaTeX escapes" : damage + " and LaTeX escapes";
        }
        if (damage is not null) target = target.TrimEnd(TrailingDamage);
        return (target, damage);
    }

    private static readonly char[] TrailingDamage = ['.', ',', ';', ':', ')', ']', '}', '\\'];

    public static LinkKind Classify(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return SimpleParts(url) is ({ } host, { } path) ? Classify(host, path) : ClassifyWithUri(url);
    }

    /// <summary>The reading every URL once had (and the odd ones still have); tests hold the fast path to it.</summary>
    internal static LinkKind ClassifyWithUri(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? Classify(uri.Host.ToLowerInvariant(), uri.AbsolutePath) : LinkKind.Other;

    /// <summary>
    /// Host (lower case) and path of a plain http(s) URL, read directly; null for anything that
    /// <see cref="Uri"/> might read otherwise (escapes, dot segments, user info, ports, non-ASCII),
    /// which then goes through <see cref="Uri"/>. Parsing a Uri per link was a tenth of a large file's parse.
    /// </summary>
    private static (string Host, string Path)? SimpleParts(string url)
    {
        int start = url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? 8
            : url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? 7 : -1;
        if (start < 0) return null;
        var rest = url.AsSpan(start);
        int hostEnd = rest.IndexOfAny('/', '?', '#');
        var host = hostEnd < 0 ? rest : rest[..hostEnd];
        if (host.IsEmpty || host.ContainsAnyExcept(HostChars) || host[0] == '.' || host[^1] == '.' || host.Contains("..", StringComparison.Ordinal)) return null;
        var path = hostEnd < 0 || rest[hostEnd] != '/' ? "/" : rest[hostEnd..];
        int pathEnd = path.IndexOfAny('?', '#');
        if (pathEnd >= 0) path = path[..pathEnd];
        if (path.ContainsAnyExcept(PathChars) || path.Contains("/.", StringComparison.Ordinal)) return null;
        return (host.ToString().ToLowerInvariant(), path.ToString());
    }

    private static readonly SearchValues<char> HostChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-");
    private static readonly SearchValues<char> PathChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/-._~!$&'()*+,;=:@");

    private static LinkKind Classify(string host, string path)
    {
        if (host.StartsWith("www.", StringComparison.Ordinal)) host = host[4..];
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (path.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) || (host == "arxiv.org" && path.StartsWith("/pdf/", StringComparison.Ordinal)))
            return LinkKind.Pdf;
        if (host is "github.com" or "gitlab.com" or "bitbucket.org" or "codeberg.org" or "gitee.com" && segments.Length >= 2)
            return LinkKind.Repository;
        if (host is "arxiv.org" or "openreview.net" or "aclanthology.org" or "doi.org" or "paperswithcode.com" or "alphaxiv.org"
            || (host == "huggingface.co" && segments.Length >= 2 && segments[0] == "papers"))
            return LinkKind.PaperPage;
        if (host.EndsWith(".github.io", StringComparison.Ordinal) || host.EndsWith(".gitlab.io", StringComparison.Ordinal)
            || host.EndsWith(".pages.dev", StringComparison.Ordinal) || host.EndsWith(".netlify.app", StringComparison.Ordinal)
            || host.EndsWith(".vercel.app", StringComparison.Ordinal))
            return LinkKind.ProjectPage;
        return LinkKind.Other;
    }
}
