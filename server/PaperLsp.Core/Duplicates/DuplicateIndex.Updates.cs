using System.Runtime.InteropServices;
using PaperLsp.Core.Model;

namespace PaperLsp.Core.Duplicates;

/// <summary>How the index follows changes: papers in and out, then <see cref="Settle"/> re-derives what they touched.</summary>
public sealed partial class DuplicateIndex
{
    private sealed class DocEntry(string id, DigestDocument document)
    {
        public string Id { get; } = id;
        public DigestDocument Document { get; set; } = document;
        /// <summary>The slot of each paper, by paper index; -1 for a deliberate repeat.</summary>
        public int[] Slots
        {
            get => _slots;
            set
            {
                _slots = value;
                Allowed = [.. Enumerable.Range(0, value.Length).Where(i => value[i] < 0)];
            }
        }

        private int[] _slots = [];

        /// <summary>The indices of the deliberate repeats (not in the index, but copies all the same).</summary>
        public int[] Allowed { get; private set; } = [];
        public long Stamp { get; set; }
    }

    private sealed class Slot(int number, DocEntry doc, Paper paper, PaperCache keys)
    {
        public int Number { get; } = number;
        public DocEntry Doc { get; } = doc;
        public Paper Paper { get; set; } = paper;
        public PaperCache Keys { get; } = keys;
        public int[] DistinctWords { get; } = Distinct(keys.WordIds!);
        public BucketKey[] Buckets { get; set; } = [];
        /// <summary>The word ids of its two rarest words when it was last placed (-1: none).</summary>
        public int RareFirst { get; set; } = -1;
        public int RareSecond { get; set; } = -1;
        public List<int>? Group { get; set; }
        /// <summary>Its near duplicates: the shared empty list until it has one (most papers never do).</summary>
        public List<int> Partners { get; private set; } = NoPartners;

        public void AddPartner(int slot)
        {
            if (ReferenceEquals(Partners, NoPartners)) Partners = [];
            Partners.Add(slot);
        }
        public bool Removed { get; set; }
        /// <summary>The <see cref="Settle"/> that last placed it in its buckets.</summary>
        public int PlacedIn { get; set; }

        /// <summary>Most titles repeat no word: they share the cached array instead of a copy.</summary>
        private static int[] Distinct(int[] ids)
        {
            int count = NearDuplicates.CountDistinct(ids);
            if (count == ids.Length) return ids;
            var distinct = new int[count];
            count = 0;
            for (int i = 0; i < ids.Length; i++) if (!NearDuplicates.Before(ids, i)) distinct[count++] = ids[i];
            return distinct;
        }
    }

    /// <summary>Kind 0: a rare word (its id in X); 1: the first four words (two ids in X, two in Y); 2: the abstract fingerprint.</summary>
    private readonly record struct BucketKey(int Kind, long X, long Y)
    {
        public static BucketKey Word(int id) => new(0, id, 0);
        public static BucketKey Start(int[] ids) => new(1, (long)ids[0] << 32 | (uint)ids[1], (long)ids[2] << 32 | (uint)ids[3]);
        public static BucketKey Abstract(AbstractFingerprint fingerprint) => new(2, (long)fingerprint.Low, (long)fingerprint.High);
    }

    private sealed class Bucket(BucketKey key)
    {
        public BucketKey Key { get; } = key;
        /// <summary>Nearly every bucket holds one paper, so a list (removal by swap) beats a set.</summary>
        public List<int> Members { get; } = new(1);
        public List<(int, int)> Pairs { get; set; } = NoPairs;
    }

    private static readonly List<(int, int)> NoPairs = [];
    private static readonly List<int> NoPartners = [];

    private sealed record NearLink(double Score, string Reason)
    {
        /// <summary>How many buckets hold the pair: it stands while one does.</summary>
        public int Holders { get; set; }
    }

    /// <summary>Whether the documents bring more than twice as many new papers as the index holds.</summary>
    private bool MostlyNew(IReadOnlyDictionary<string, DigestDocument> documents)
    {
        long incoming = 0;
        foreach (var (id, doc) in documents)
            if (!_docs.TryGetValue(id, out var entry) || !ReferenceEquals(entry.Document, doc)) incoming += doc.Papers.Count;
        return incoming > 2L * _slots.Count;
    }

    /// <summary>Forgets every document (a first scan follows). Stamps go on from the process-wide clock.</summary>
    private void Clear()
    {
        _docs.Clear();
        _slots.Clear();
        _free.Clear();
        _freedThisUpdate.Clear();
        _byTitle.Clear();
        _byId.Clear();
        _dirtyTitles.Clear();
        _dirtyIds.Clear();
        Array.Clear(_frequency);
        _changedWords.Clear();
        _added.Clear();
        _buckets.Clear();
        _dirtyBuckets.Clear();
        _pairs.Clear();
        _touched.Clear();
        _holders = null;
    }

    private void AddDocument(string id, DigestDocument doc)
    {
        var entry = new DocEntry(id, doc);
        _docs[id] = entry;
        var slots = new int[doc.Papers.Count];
        for (int i = 0; i < slots.Length; i++)
            slots[i] = doc.Papers[i].DuplicateAllowed ? -1 : AddSlot(entry, doc.Papers[i]);
        entry.Slots = slots;
        _touched.Add(entry);
    }

    private void RemoveDocument(DocEntry entry)
    {
        TouchRelated(entry);
        foreach (int s in entry.Slots) if (s >= 0) RemoveSlot(s);
        _docs.Remove(entry.Id);
    }

    /// <summary>
    /// Papers the edit only moved keep their slot (same <see cref="Paper.Cache"/>); the others are replaced.
    /// An incremental re-parse keeps the papers before and after the edit in order, so they are matched
    /// from both ends by reference; only the papers in between are looked up.
    /// </summary>
    private void UpdateDocument(DocEntry entry, DigestDocument doc)
    {
        TouchRelated(entry); // their problems name our lines and offsets
        var oldSlots = entry.Slots;
        var oldPapers = entry.Document.Papers;
        var papers = doc.Papers;
        entry.Document = doc; // new papers read their abstracts from it
        var slots = new int[papers.Count];
        int head = 0, max = Math.Min(oldPapers.Count, papers.Count);
        while (head < max && Keep(oldSlots[head], oldPapers[head], papers[head], slots, head)) head++;
        int tail = 0;
        while (tail < max - head && Keep(oldSlots[^(tail + 1)], oldPapers[^(tail + 1)], papers[^(tail + 1)], slots, papers.Count - 1 - tail)) tail++;

        var previous = new Dictionary<PaperCache, int>(ReferenceEqualityComparer.Instance);
        for (int i = head; i < oldPapers.Count - tail; i++) if (oldSlots[i] >= 0) previous[oldPapers[i].Cache] = oldSlots[i];
        for (int i = head; i < papers.Count - tail; i++)
        {
            var paper = papers[i];
            if (paper.DuplicateAllowed) slots[i] = -1;
            else if (previous.Remove(paper.Cache, out int s) && SameKeys(_slots[s]!.Paper, paper))
            {
                _slots[s]!.Paper = paper;
                slots[i] = s;
            }
            else slots[i] = AddSlot(entry, paper);
        }
        foreach (int s in previous.Values) RemoveSlot(s);
        entry.Slots = slots;
        _touched.Add(entry);
    }

    /// <summary>The same paper at both ends of an edit (or the same deliberate repeat): keeps its slot.</summary>
    private bool Keep(int oldSlot, Paper before, Paper after, int[] slots, int at)
    {
        if (!ReferenceEquals(before.Cache, after.Cache) || before.DuplicateAllowed != after.DuplicateAllowed || !SameKeys(before, after)) return false;
        slots[at] = oldSlot;
        if (oldSlot >= 0) _slots[oldSlot]!.Paper = after;
        return true;
    }

    private static bool SameKeys(Paper a, Paper b) =>
        a.TitleKey == b.TitleKey && a.ArxivId == b.ArxivId && a.Title == b.Title;

    private void TouchRelated(DocEntry entry)
    {
        foreach (int s in entry.Slots)
        {
            if (s < 0) continue;
            var slot = _slots[s]!;
            if (slot.Group is { } group) foreach (int m in group) Touch(_slots[m]!.Doc, entry);
            foreach (int p in slot.Partners) Touch(_slots[p]!.Doc, entry);
        }
    }

    /// <summary>Marks a document touched; the document being updated is marked by its caller (most copies are in it).</summary>
    private void Touch(DocEntry doc, DocEntry updating)
    {
        if (!ReferenceEquals(doc, updating)) _touched.Add(doc);
    }

    private int AddSlot(DocEntry entry, Paper paper)
    {
        var keys = NearDuplicates.Keys(entry.Document, paper, _pool, _scratch);
        int number = _free.Count > 0 ? _free.Pop() : _slots.Count;
        var slot = new Slot(number, entry, paper, keys);
        if (number == _slots.Count) _slots.Add(slot);
        else _slots[number] = slot;
        if (paper.TitleKey.Length >= 4) Register(_byTitle, _dirtyTitles, paper.TitleKey, number);
        if (paper.ArxivId is { } id) Register(_byId, _dirtyIds, id, number);
        foreach (int w in slot.DistinctWords) Count(w, +1);
        if (_holders is not null) AddHolder(slot);
        _added.Add(number);
        return number;
    }

    private void RemoveSlot(int number)
    {
        var slot = _slots[number]!;
        var paper = slot.Paper;
        if (paper.TitleKey.Length >= 4) Unregister(_byTitle, _dirtyTitles, paper.TitleKey, number);
        if (paper.ArxivId is { } id) Unregister(_byId, _dirtyIds, id, number);
        foreach (int w in slot.DistinctWords) Count(w, -1);
        if (_holders is not null) RemoveHolder(slot);
        foreach (var key in slot.Buckets) LeaveBucket(key, number);
        slot.Buckets = [];
        slot.Removed = true;
        if (slot.Group is { } group) foreach (int m in group) _touched.Add(_slots[m]!.Doc);
        _freedThisUpdate.Add(number);
    }

    private void Register(Dictionary<string, List<int>> index, HashSet<string> dirty, string key, int slot)
    {
        ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(index, key, out _);
        (list ??= []).Add(slot);
        if (!_firstScan) dirty.Add(key);
    }

    private static void Unregister(Dictionary<string, List<int>> index, HashSet<string> dirty, string key, int slot)
    {
        if (!index.TryGetValue(key, out var list)) return;
        list.Remove(slot);
        if (list.Count == 0) index.Remove(key);
        dirty.Add(key);
    }

    /// <summary>The words whose count changed in this update, with the count they had before it.</summary>
    private readonly Dictionary<int, int> _changedWords = [];

    private void Count(int word, int delta)
    {
        if (word >= _frequency.Length) Array.Resize(ref _frequency, Math.Max(word + 1, _frequency.Length * 2));
        if (!_firstScan) _changedWords.TryAdd(word, _frequency[word]);
        _frequency[word] += delta;
    }

    private void JoinBucket(BucketKey key, int slot)
    {
        ref var bucket = ref CollectionsMarshal.GetValueRefOrAddDefault(_buckets, key, out _);
        bucket ??= new Bucket(key);
        bucket.Members.Add(slot);
        if (!_firstScan) _dirtyBuckets.Add(bucket);
    }

    private void LeaveBucket(BucketKey key, int slot)
    {
        if (!_buckets.TryGetValue(key, out var bucket)) return;
        int at = bucket.Members.IndexOf(slot);
        if (at < 0) return;
        bucket.Members[at] = bucket.Members[^1];
        bucket.Members.RemoveAt(bucket.Members.Count - 1);
        _dirtyBuckets.Add(bucket);
        if (bucket.Members.Count == 0 && bucket.Pairs.Count == 0)
        {
            _buckets.Remove(key);
            _dirtyBuckets.Remove(bucket);
        }
    }
}
