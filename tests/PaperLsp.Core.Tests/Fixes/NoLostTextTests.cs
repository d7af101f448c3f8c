using System.Text;
using PaperLsp.Core.Diagnostics;
using PaperLsp.Core.Fixes;
using PaperLsp.Core.Formatting;
using PaperLsp.Core.Model;
using PaperLsp.Core.Syntax;
using PaperLsp.Core.Tests.Support;
using PaperLsp.Core.Text;
using PaperLsp.Core.Workspace;

namespace PaperLsp.Core.Tests.Fixes;

/// <summary>
/// No lost text, as a property: apply every offered fix (a random one at a time, with random choices
/// between alternatives: remove or keep a duplicate, keep or strip page metadata) until none is left, mark
/// random papers, then format. Every paper that was not a removed duplicate must still have its title and
/// abstract word for word (a repaired URL reads as its target), every edit must stay inside the range its
/// fix names, line endings and astral characters must survive, and a second format must change nothing.
/// The fixes' edits are applied raw here: <see cref="FixVerifier"/> is not consulted, so this checks the fixes themselves.
/// </summary>
public class NoLostTextTests
{
    private const int SeedsPerDialect = 25;

    [Test]
    public void Seed_digests_together()
    {
        var stats = new Stats();
        var files = new List<(string, string)> { (Seeds.Spaced, Seeds.Read(Seeds.Spaced)), (Seeds.Compact, Seeds.Read(Seeds.Compact)) };
        for (int run = 0; run < 3; run++) FixEverything(files, new Random(run), stats);
        Assert.That(stats.Applied.Keys, Does.Contain("split-glued").And.Contain("insert-blank-lines").And.Contain("clean-url"));
        Assert.That(stats.Applied.Keys.Any(k => k.StartsWith("remove-duplicate") || k == "all-PD001"), stats.ToString());
    }

    [Test]
    public void Sample_digests_together()
    {
        var stats = new Stats();
        var files = Directory.GetFiles(Path.Combine(Seeds.RepoRoot, "samples")).Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), File.ReadAllText(f))).ToList();
        for (int run = 0; run < 8; run++) FixEverything(files, new Random(run), stats);
        Assert.That(stats.Applied.Keys, Is.SupersetOf(new[] { "split-glued", "join-abstract", "join-paragraph", "clean-url", "remove-boilerplate" }), stats.ToString());
    }

    [TestCaseSource(typeof(DigestGenerator), nameof(DigestGenerator.Dialects))]
    public void Generated_digests(string dialect)
    {
        var stats = new Stats();
        for (int seed = 0; seed < SeedsPerDialect; seed++)
        {
            var a = DigestGenerator.Generate(dialect, seed);
            var files = new List<(string, string)> { (a.Name, a.Text) };
            if (seed % 3 == 0)
            {
                // Two files: duplicates across files too.
                var b = DigestGenerator.Generate(DigestGenerator.Dialects[seed % DigestGenerator.Dialects.Length], seed + 1000);
                files.Add((b.Name, b.Text));
            }
            FixEverything(files, new Random(seed), stats);
        }
        Assert.That(stats.Applied.Values.Sum(), Is.GreaterThan(0), "no fix was ever offered: the property would hold vacuously");
        TestContext.Out.WriteLine(stats.ToString());
    }

    [Test]
    public void Every_kind_of_fix_is_exercised_by_the_generated_digests()
    {
        var stats = new Stats();
        foreach (var dialect in DigestGenerator.Dialects)
            for (int seed = 0; seed < 8; seed++)
            {
                var g = DigestGenerator.Generate(dialect, seed);
                FixEverything([(g.Name, g.Text)], new Random(seed), stats);
            }
        string[] kinds =
        [
            "remove-duplicate", "suppress-PD001", "split-glued", "remove-boilerplate", "page-copy-keep-metadata", "page-copy-strip",
            "clean-url", "join-abstract", "join-paragraph", "insert-blank-lines", "unwrap", "mark-read", "mark-toread", "mark-skip",
        ];
        Assert.That(stats.Applied.Keys, Is.SupersetOf(kinds), stats.ToString());
    }

    private sealed class Stats
    {
        public Dictionary<string, int> Applied { get; } = new(StringComparer.Ordinal);
        public List<string> Refused { get; } = [];

        public void Add(Fix fix)
        {
            string key = fix.Id.Split('@')[0];
            Applied[key] = Applied.GetValueOrDefault(key) + 1;
        }

        public override string ToString() => string.Join(", ", Applied.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}"))
            + (Refused.Count == 0 ? "" : "\nrefused:\n" + string.Join("\n", Refused));
    }

    private static void FixEverything(List<(string Name, string Text)> files, Random rng, Stats stats)
    {
        var texts = files.ToDictionary(f => f.Name, f => f.Text, StringComparer.Ordinal);
        var docs = texts.ToDictionary(kv => kv.Key, kv => DigestParser.Parse(kv.Value, kv.Key), StringComparer.Ordinal);
        var expected = docs.ToDictionary(kv => kv.Key, kv => kv.Value.Papers.Select(p => Key(kv.Value, p)).ToList(), StringComparer.Ordinal);

        void Apply(string name, Fix fix)
        {
            var doc = docs[name];
            string before = doc.Text.ToString();
            foreach (var e in fix.Edits)
                Assert.That(e.Span.Start >= fix.Scope.Start && e.Span.End <= fix.Scope.End, $"{fix} edit {e} leaves its range {fix.Scope} in {name}");
            string after = Edits.Apply(before, fix.Edits);
            Assert.That(after.AsSpan(0, fix.Scope.Start).SequenceEqual(before.AsSpan(0, fix.Scope.Start))
                && after.AsSpan(after.Length - (before.Length - fix.Scope.End)).SequenceEqual(before.AsSpan(fix.Scope.End)),
                $"{fix} changed text outside {fix.Scope} in {name}");
            foreach (int removed in fix.RemovedPapers)
                Assert.That(expected[name].Remove(Key(doc, doc.Papers[removed])), $"{fix} removed a paper that was never there: {doc.Papers[removed].Title}");
            texts[name] = after;
            docs[name] = DigestParser.Parse(after, name);
            stats.Add(fix);
        }

        // Statuses: some papers are marked (a mark is always on offer, so it is not part of the loop below).
        foreach (var name in texts.Keys.ToList())
            for (int k = 0; k < docs[name].Papers.Count; k++)
            {
                if (rng.Next(3) != 0) continue;
                var doc = docs[name];
                var marks = CodeFixes.At(doc, [], doc.Papers[k].TitleSpan).Where(f => f.Id.StartsWith("mark-", StringComparison.Ordinal)).ToList();
                if (marks.Count > 0) Apply(name, marks[rng.Next(marks.Count)]);
            }

        // Every other fix, until none is offered anywhere. A fix the verifier refuses is not applied (as in the server and CLI).
        var refused = new HashSet<(string, string)>();
        for (int round = 0; ; round++)
        {
            Assert.That(round, Is.LessThan(400), "the fixes do not converge");
            var snapshot = new WorkspaceSnapshot(docs.Select(kv => (kv.Key, kv.Value)).ToList());
            var offers = new List<(string Name, Fix Fix)>();
            foreach (var (name, doc) in docs)
            {
                var problems = snapshot.ProblemsOf(name);
                // Every problem and the start of every line (page-line fixes need no problem); a full sweep every fifth round keeps the test fast.
                var places = problems.Select(p => p.Span).Concat(doc.Papers.Select(p => p.TitleSpan))
                    .Concat(Enumerable.Range(0, doc.Lines.LineCount).Select(l => new TextSpan(doc.Lines.LineStart(l), 0)));
                if (round % 5 != 0) places = places.Take(3);
                foreach (var place in places)
                    offers.AddRange(CodeFixes.At(doc, problems, place).Where(f => !f.Id.StartsWith("mark-", StringComparison.Ordinal) && !refused.Contains((name, f.Id))).Select(f => (name, f)));
                offers = offers.DistinctBy(o => (o.Name, o.Fix.Id)).ToList();
            }
            if (offers.Count == 0)
            {
                if (round % 5 == 0) break;
                continue;
            }
            var (target, chosen) = offers[rng.Next(offers.Count)];
            if (FixVerifier.Apply(docs[target], chosen, target, out string? failure) is null)
            {
                stats.Refused.Add($"{target}: {chosen}: {failure}");
                refused.Add((target, chosen.Id));
                continue;
            }
            Apply(target, chosen);
        }

        // The verifier may refuse a fix after which the parser would group the papers differently (the fix itself
        // changed no word), never one that would change a title or an abstract.
        Assert.That(stats.Refused, Has.All.Contains(" papers where "), stats.ToString());

        // Format, then format again: the second must be a no-op.
        foreach (var name in texts.Keys.ToList())
        {
            var edits = DigestFormatter.Edits(docs[name], name);
            foreach (var e in edits)
                Assert.That(docs[name].Text.AsSpan(e.Span.Start, e.Span.Length).IsWhiteSpace() && string.IsNullOrWhiteSpace(e.NewText),
                    $"formatting {name} changed more than whitespace: {e}");
            texts[name] = Edits.Apply(texts[name], edits);
            docs[name] = DigestParser.Parse(texts[name], name);
            Assert.That(DigestFormatter.Edits(docs[name], name), Is.Empty, $"a second format of {name} changes it:\n{texts[name]}");
        }

        foreach (var (name, doc) in docs)
        {
            var now = doc.Papers.Select(p => Key(doc, p)).ToList();
            var want = expected[name];
            if (!Same(want, now))
                Assert.Fail($"{name}: papers differ after fixing.\nmissing: {string.Join("\n  ", want.Except(now))}\nextra: {string.Join("\n  ", now.Except(want))}\n--- text:\n{doc.Text}\n--- original:\n{files.First(f => f.Name == name).Text}");
            string original = files.First(f => f.Name == name).Text;
            if (original.Contains("\r\n", StringComparison.Ordinal) && !original.Replace("\r\n", "", StringComparison.Ordinal).Contains('\n', StringComparison.Ordinal))
                Assert.That(doc.Text.ToString().Replace("\r\n", "", StringComparison.Ordinal), Does.Not.Contain("\n"), $"{name} was CRLF and is not any more");
            Assert.That(WellFormed(doc.Text.ToString()), $"{name} has a broken surrogate pair");
            if (original.StartsWith('\uFEFF')) Assert.That(doc.Text.ToString(), Does.StartWith("\uFEFF"), $"{name} lost its BOM");
        }
    }

    /// <summary>A paper as the property sees it: its title and the words of its abstract, damaged URLs read as their targets.</summary>
    private static string Key(DigestDocument doc, Paper paper) =>
        Clean(doc, paper, paper.TitleSpan).Trim() + " || " + string.Join(' ', Clean(doc, paper, paper.AbstractSpan).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Clean(DigestDocument doc, Paper paper, TextSpan span)
    {
        var sb = new StringBuilder(doc.Slice(span));
        foreach (var link in paper.Links.Where(l => l.IsDamaged && l.Span.Start >= span.Start && l.Span.End <= span.End).OrderByDescending(l => l.Span.Start))
            sb.Remove(link.Span.Start - span.Start, link.Span.Length).Insert(link.Span.Start - span.Start, link.Target);
        return sb.ToString();
    }

    private static bool Same(List<string> a, List<string> b) =>
        a.Count == b.Count && a.Order(StringComparer.Ordinal).SequenceEqual(b.Order(StringComparer.Ordinal), StringComparer.Ordinal);

    private static bool WellFormed(string s)
    {
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i])) { if (i + 1 >= s.Length || !char.IsLowSurrogate(s[++i])) return false; }
            else if (char.IsLowSurrogate(s[i])) return false;
        }
        return true;
    }
}
