using PaperLsp.Core.Fixes;
using PaperLsp.Core.Syntax;
using PaperLsp.Core.Text;
using PaperLsp.Core.Workspace;

namespace PaperLsp.Core.Tests.Support;

/// <summary>
/// Fix fixtures: the text before, with a `$0` cursor (where the code actions are asked for; the start of the
/// named range when absent) and `[|…|]` around the range the fix may touch; the fix, by the start of its id;
/// the text after. Every check runs twice, with LF and with CRLF line ends.
/// </summary>
public static class FixFixture
{
    public const string Open = "[|", Close = "|]";

    /// <summary>Applies the fix named <paramref name="fixId"/> and compares; returns the fix (of the LF run).</summary>
    public static Fix Check(string before, string fixId, string after, string fileName = "x.digest", params (string Name, string Text)[] others)
    {
        Fix? lf = null;
        foreach (bool crlf in new[] { false, true })
        {
            string b = crlf ? Fixture.Crlf(before) : before.Replace("\r\n", "\n", StringComparison.Ordinal);
            string a = crlf ? Fixture.Crlf(after) : after.Replace("\r\n", "\n", StringComparison.Ordinal);
            var (text, cursor, named) = Markers(b);
            var (doc, problems) = Parse(text, fileName, others);
            var fix = Find(doc, problems, cursor, fixId, crlf);
            string label = crlf ? "CRLF" : "LF";
            foreach (var e in fix.Edits)
            {
                Assert.That(e.Span.Start >= named.Start && e.Span.End <= named.End, $"{label}: edit {e} of {fix.Id} touches text outside the named range {named}");
                Assert.That(e.Span.Start >= fix.Scope.Start && e.Span.End <= fix.Scope.End, $"{label}: edit {e} of {fix.Id} leaves the fix's own range {fix.Scope}");
            }
            Assert.That(Edits.Apply(text, fix.Edits), Is.EqualTo(a), $"{label}: text after {fix.Id}");
            Assert.That(FixVerifier.Apply(doc, fix, fileName, out string? failure), Is.Not.Null, $"{label}: verifier: {failure}");
            lf ??= fix;
        }
        return lf!;
    }

    /// <summary>The ids of every fix offered at the cursor.</summary>
    public static List<string> Offered(string fixture, string fileName = "x.digest", params (string Name, string Text)[] others)
    {
        var (text, cursor, _) = Markers(fixture);
        var (doc, problems) = Parse(text, fileName, others);
        return CodeFixes.At(doc, problems, new TextSpan(cursor, 0)).Select(f => f.Id.Split('@')[0]).ToList();
    }

    public static (string Text, int Cursor, TextSpan Named) Markers(string fixture)
    {
        int open = fixture.IndexOf(Open, StringComparison.Ordinal);
        string text = fixture;
        var named = new TextSpan(0, 0);
        if (open >= 0)
        {
            text = text.Remove(open, Open.Length);
            int close = text.IndexOf(Close, open, StringComparison.Ordinal);
            if (close < 0) throw new ArgumentException("the fixture opens a range it never closes", nameof(fixture));
            text = text.Remove(close, Close.Length);
            named = TextSpan.FromBounds(open, close);
        }
        var f = Fixture.Parse(text);
        // The cursor marker comes out after the range markers: move the range over it.
        if (f.Cursor >= 0 && open >= 0)
        {
            int s = named.Start > f.Cursor ? named.Start - Fixture.Marker.Length : named.Start;
            int e = named.End > f.Cursor ? named.End - Fixture.Marker.Length : named.End;
            named = TextSpan.FromBounds(s, e);
        }
        return (f.Text, f.Cursor >= 0 ? f.Cursor : named.Start, named);
    }

    private static (Model.DigestDocument, IReadOnlyList<Diagnostics.Problem>) Parse(string text, string fileName, (string Name, string Text)[] others)
    {
        var doc = DigestParser.Parse(text, fileName);
        var all = new List<(string, Model.DigestDocument)> { (fileName, doc) };
        all.AddRange(others.Select(o => (o.Name, DigestParser.Parse(o.Text, o.Name))));
        return (doc, new WorkspaceSnapshot(all).ProblemsOf(fileName));
    }

    private static Fix Find(Model.DigestDocument doc, IReadOnlyList<Diagnostics.Problem> problems, int cursor, string fixId, bool crlf)
    {
        var offered = CodeFixes.At(doc, problems, new TextSpan(cursor, 0));
        var matching = offered.Where(f => f.Id == fixId || f.Id.StartsWith(fixId + "@", StringComparison.Ordinal)).ToList();
        if (matching.Count != 1)
            Assert.Fail($"{(crlf ? "CRLF" : "LF")}: expected one fix '{fixId}' at offset {cursor}; offered: {string.Join(", ", offered.Select(f => f.Id))}");
        return matching[0];
    }
}
