namespace PaperLsp.Core.Duplicates;

/// <summary>Which papers hold which title word: how an update finds the papers a changed word count may move.</summary>
public sealed partial class DuplicateIndex
{
    private List<int>?[]? _holders;

    /// <summary>
    /// The slots whose titles hold the word. The lists are made at the first update that needs them: an
    /// index built in one pass and never updated (the CLI's) does without.
    /// </summary>
    private List<int> HoldersOf(int word)
    {
        if (_holders is null)
        {
            _holders = new List<int>?[_frequency.Length];
            foreach (var slot in _slots)
                if (slot is not null && !slot.Removed) AddHolder(slot);
        }
        return word < _holders.Length && _holders[word] is { } list ? list : NoHolders;
    }

    private static readonly List<int> NoHolders = [];

    private void AddHolder(Slot slot)
    {
        foreach (int w in slot.DistinctWords)
        {
            if (w >= _holders!.Length) Array.Resize(ref _holders, Math.Max(w + 1, _holders.Length * 2));
            (_holders[w] ??= []).Add(slot.Number);
        }
    }

    private void RemoveHolder(Slot slot)
    {
        foreach (int w in slot.DistinctWords) _holders![w]!.Remove(slot.Number);
    }
}
