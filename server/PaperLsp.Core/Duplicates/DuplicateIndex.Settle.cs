namespace PaperLsp.Core.Duplicates;

/// <summary>After papers came and went: re-bucket, re-score and re-group only what they touched.</summary>
public sealed partial class DuplicateIndex
{
    private int _settles;

    private void Settle()
    {
        if (_added.Count == 0 && _freedThisUpdate.Count == 0 && _touched.Count == 0) return;
        _settles++;
        Rebucket();
        ScoreBuckets();
        Regroup();
        long stamp = Interlocked.Increment(ref _clock);
        foreach (var entry in _touched) entry.Stamp = stamp;
        _touched.Clear();
        foreach (int n in _freedThisUpdate)
        {
            _slots[n] = null;
            _free.Push(n);
        }
        _freedThisUpdate.Clear();
        _added.Clear();
        _changedWords.Clear();
    }

    /// <summary>
    /// A paper's word buckets follow the frequency of its words across the workspace, so every paper
    /// that holds a word whose count changed picks its two rarest words again.
    /// </summary>
    private void Rebucket()
    {
        foreach (int s in _added)
        {
            var added = _slots[s]!;
            if (added.Removed) continue;
            Place(added); // a title without words still has an abstract
            added.PlacedIn = _settles;
        }
        // A word that left one title and came back in the new version of it (most of an edited title)
        // kept its count: it cannot reorder anyone's words. The papers holding the others are visited
        // in slot order, as a scan of every paper would visit them.
        var changed = new bool[_frequency.Length];
        var holders = new List<int>();
        foreach (var (w, before) in _changedWords)
        {
            if (_frequency[w] == before) continue;
            changed[w] = true;
            holders.AddRange(HoldersOf(w));
        }
        holders.Sort();
        for (int i = 0; i < holders.Count; i++)
        {
            var slot = _slots[holders[i]];
            // Papers added in this update were placed with today's counts already.
            if ((i > 0 && holders[i] == holders[i - 1]) || slot is null || slot.Removed || slot.PlacedIn == _settles) continue;
            foreach (int w in slot.DistinctWords)
            {
                if (!changed[w] || !MayReorder(slot, w)) continue;
                Place(slot);
                break;
            }
        }
    }

    /// <summary>
    /// Whether a change in the count of <paramref name="word"/> can change the paper's two rarest words:
    /// only when it is one of them, or is now rarer than the second. (A word as common as "learning"
    /// changes count with every edit of a title, and must not send every paper back to its buckets.)
    /// </summary>
    private bool MayReorder(Slot slot, int word)
    {
        if (word == slot.RareFirst || word == slot.RareSecond || slot.RareSecond < 0) return true;
        int second = slot.RareSecond;
        int fw = _frequency[word], fs = _frequency[second];
        if (fw != fs) return fw < fs;
        var words = slot.Keys.TitleWords!;
        var ids = slot.Keys.WordIds!;
        return string.CompareOrdinal(words[Array.IndexOf(ids, word)], words[Array.IndexOf(ids, second)]) < 0;
    }

    private readonly BucketKey[] _wanted = new BucketKey[4];

    private void Place(Slot slot)
    {
        var ids = slot.Keys.WordIds!;
        var (first, second) = NearDuplicates.RarestTwo(ids, slot.Keys.TitleWords!, _frequency);
        slot.RareFirst = first >= 0 ? ids[first] : -1;
        slot.RareSecond = second >= 0 ? ids[second] : -1;
        int n = 0;
        if (first >= 0) _wanted[n++] = BucketKey.Word(ids[first]);
        if (second >= 0) _wanted[n++] = BucketKey.Word(ids[second]);
        if (ids.Length >= 4) _wanted[n++] = BucketKey.Start(ids); // truncated titles share their start
        if (slot.Keys.AbstractFingerprint is { } fp) _wanted[n++] = BucketKey.Abstract(fp);
        var wanted = _wanted.AsSpan(0, n);
        if (wanted.SequenceEqual(slot.Buckets)) return;
        foreach (var key in slot.Buckets) if (!wanted.Contains(key)) LeaveBucket(key, slot.Number);
        foreach (var key in wanted) if (Array.IndexOf(slot.Buckets, key) < 0) JoinBucket(key, slot.Number);
        slot.Buckets = wanted.ToArray();
    }

    private void ScoreBuckets()
    {
        foreach (var bucket in _firstScan ? _buckets.Values : (IEnumerable<Bucket>)_dirtyBuckets)
        {
            if (bucket.Members.Count < 2 && bucket.Pairs.Count == 0)
            {
                if (bucket.Members.Count == 0 && _buckets.GetValueOrDefault(bucket.Key) == bucket) _buckets.Remove(bucket.Key);
                continue; // a bucket of one: no pairs before, none now
            }
            var fresh = new List<(int, int)>();
            if (bucket.Members.Count is >= 2 and <= NearDuplicates.MaxBucket)
            {
                var members = bucket.Members;
                if (!Ascending(members)) members = [.. members.Order()]; // papers join in slot order, so rarely
                for (int x = 0; x < members.Count; x++)
                    for (int y = x + 1; y < members.Count; y++)
                        if (Score(members[x], members[y]) is { } link) Hold((members[x], members[y]), link, fresh);
            }
            foreach (var pair in bucket.Pairs) Release(pair);
            bucket.Pairs = fresh.Count == 0 ? NoPairs : fresh;
            if (bucket.Members.Count == 0 && _buckets.GetValueOrDefault(bucket.Key) == bucket) _buckets.Remove(bucket.Key);
        }
        _dirtyBuckets.Clear();
    }

    private static bool Ascending(List<int> members)
    {
        for (int i = 1; i < members.Count; i++) if (members[i - 1] > members[i]) return false;
        return true;
    }

    /// <summary>The pair's link when it is a near duplicate at the threshold, else null.</summary>
    private NearLink? Score(int a, int b)
    {
        if (_pairs.TryGetValue((a, b), out var known)) return known;
        var (sa, sb) = (_slots[a]!, _slots[b]!);
        if (!NearDuplicates.Comparable(sa.Paper, sb.Paper)) return null;
        // A first scan meets every pair once: keeping its scores would only cost a dictionary per paper.
        var (score, reason) = _firstScan
            ? NearDuplicates.Score(sa.Keys.AbstractFingerprint, sb.Keys.AbstractFingerprint, sa.Keys.WordIds!, sb.Keys.WordIds!)
            : NearDuplicates.CachedScore(sa.Keys, sb.Keys, sa.Keys.AbstractFingerprint, sb.Keys.AbstractFingerprint, sa.Keys.WordIds!, sb.Keys.WordIds!);
        return score >= NearThreshold ? new NearLink(score, reason) : null;
    }

    private void Hold((int A, int B) pair, NearLink link, List<(int, int)> holder)
    {
        holder.Add(pair);
        if (_pairs.TryGetValue(pair, out var known))
        {
            known.Holders++;
            return;
        }
        link.Holders = 1;
        _pairs[pair] = link;
        LinkPartners(pair.A, pair.B, add: true);
    }

    private void Release((int A, int B) pair)
    {
        var link = _pairs[pair];
        if (--link.Holders > 0) return;
        _pairs.Remove(pair);
        LinkPartners(pair.A, pair.B, add: false);
    }

    private void LinkPartners(int a, int b, bool add)
    {
        var (sa, sb) = (_slots[a]!, _slots[b]!);
        if (add)
        {
            sa.AddPartner(b);
            sb.AddPartner(a);
        }
        else
        {
            sa.Partners.Remove(b);
            sb.Partners.Remove(a);
        }
        _touched.Add(sa.Doc);
        _touched.Add(sb.Doc);
    }

    /// <summary>Groups again every set of papers connected through a key whose list changed.</summary>
    private void Regroup()
    {
        var visited = new HashSet<int>();
        var component = new List<int>();
        if (_firstScan)
        {
            // No paper has a group yet, and one whose keys are its own keeps none: only shared keys need grouping.
            foreach (var list in _byTitle.Values) if (list.Count > 1) foreach (int s in list) RegroupFrom(s, visited, component);
            foreach (var list in _byId.Values) if (list.Count > 1) foreach (int s in list) RegroupFrom(s, visited, component);
            return;
        }
        foreach (string key in _dirtyTitles)
            if (_byTitle.TryGetValue(key, out var list))
                foreach (int s in list) RegroupFrom(s, visited, component);
        foreach (string key in _dirtyIds)
            if (_byId.TryGetValue(key, out var list))
                foreach (int s in list) RegroupFrom(s, visited, component);
        _dirtyTitles.Clear();
        _dirtyIds.Clear();
    }

    private bool IsAlone(Slot slot)
    {
        var paper = slot.Paper;
        if (paper.TitleKey.Length >= 4 && _byTitle.TryGetValue(paper.TitleKey, out var same) && same.Count > 1) return false;
        return paper.ArxivId is not { } id || !_byId.TryGetValue(id, out var sameId) || sameId.Count <= 1;
    }

    private void RegroupFrom(int start, HashSet<int> visited, List<int> component)
    {
        if (!visited.Add(start)) return;
        var alone = _slots[start]!;
        if (IsAlone(alone))
        {
            // The common case: no other paper shares a key. No group, and nothing to compute.
            if (alone.Group is { } before)
            {
                foreach (int m in before) if (_slots[m] is { } ms) _touched.Add(ms.Doc);
                alone.Group = null;
            }
            return;
        }
        component.Clear();
        component.Add(start);
        for (int i = 0; i < component.Count; i++)
        {
            var paper = _slots[component[i]]!.Paper;
            if (paper.TitleKey.Length >= 4 && _byTitle.TryGetValue(paper.TitleKey, out var same))
                foreach (int s in same) if (visited.Add(s)) component.Add(s);
            if (paper.ArxivId is { } id && _byId.TryGetValue(id, out var sameId))
                foreach (int s in sameId) if (visited.Add(s)) component.Add(s);
        }
        // Workspace order: by document id, then by position in the document.
        component.Sort((x, y) =>
        {
            var (a, b) = (_slots[x]!, _slots[y]!);
            int c = string.CompareOrdinal(a.Doc.Id, b.Doc.Id);
            return c != 0 ? c : a.Paper.Index.CompareTo(b.Paper.Index);
        });
        var groupOf = new Dictionary<int, List<int>>();
        foreach (var group in ExactDuplicates.GroupIndices(component.Count, i => _slots[component[i]]!.Paper))
        {
            var slots = group.Select(i => component[i]).ToList();
            foreach (int s in slots) groupOf[s] = slots;
        }
        foreach (int s in component)
        {
            var slot = _slots[s]!;
            var now = groupOf.GetValueOrDefault(s);
            bool same = slot.Group is null ? now is null : now is not null && slot.Group.SequenceEqual(now);
            if (!same)
            {
                if (slot.Group is { } before) foreach (int m in before) if (_slots[m] is { } ms) _touched.Add(ms.Doc);
                if (now is not null) foreach (int m in now) _touched.Add(_slots[m]!.Doc);
            }
            slot.Group = now; // one list per group, shared by its members
        }
    }
}
