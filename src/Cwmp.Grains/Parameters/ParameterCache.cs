using Cwmp.Protocol;

namespace Cwmp.Grains;

/// <summary>
/// A device's parameter tree in the grain's memory, loaded from the <see cref="IParameterStore"/> only when first
/// needed, plus the changes not yet written back. A change that leaves an entry as it was is no change, so a write
/// carries only what really moved.
/// </summary>
internal sealed class ParameterCache
{
    private readonly SortedDictionary<string, CachedParameter> _tree = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CachedParameter> _upserts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _removals = new(StringComparer.Ordinal);
    private bool _clearFirst;

    /// <summary>True once the tree is in memory (loaded, or known to be empty).</summary>
    public bool IsLoaded { get; private set; }

    public bool HasChanges => _clearFirst || _upserts.Count > 0 || _removals.Count > 0;

    public int Count => _tree.Count;

    /// <summary>Takes the stored tree.</summary>
    public void Load(IEnumerable<CachedParameter> parameters)
    {
        _tree.Clear();
        foreach (CachedParameter parameter in parameters)
        {
            _tree[parameter.Name] = parameter;
        }

        IsLoaded = true;
    }

    /// <summary>The device has nothing stored (a new device): no need to read the store.</summary>
    public void MarkEmpty()
    {
        _tree.Clear();
        IsLoaded = true;
    }

    /// <summary>Forgets the memory copy and the pending changes; the next use reads the store again.</summary>
    public void Unload()
    {
        _tree.Clear();
        _upserts.Clear();
        _removals.Clear();
        _clearFirst = false;
        IsLoaded = false;
    }

    /// <summary>Drops the whole tree (0 BOOTSTRAP): the next write starts by clearing the store.</summary>
    public void Clear()
    {
        _tree.Clear();
        _upserts.Clear();
        _removals.Clear();
        _clearFirst = true;
        IsLoaded = true;
    }

    public CachedParameter? Get(string name) => _tree.GetValueOrDefault(name);

    /// <summary>Every parameter whose name starts with <paramref name="prefix"/>, by name.</summary>
    public IReadOnlyList<CachedParameter> Find(string prefix) =>
        [.. _tree.Values.Where(p => p.Name.StartsWith(prefix, StringComparison.Ordinal))];

    /// <summary>A value the CPE reported (Inform, GetParameterValues) or accepted (SetParameterValues).</summary>
    public void SetValue(string name, string value, string type, DateTimeOffset at) =>
        Put(GetOrNew(name) with { Value = value, Type = type, ValueReadAt = at });

    public void SetWritable(string name, bool writable) => Put(GetOrNew(name) with { Writable = writable });

    public void SetNotification(string name, int notification) => Put(GetOrNew(name) with { Notification = notification });

    public void SetAccessList(string name, IReadOnlyList<string> accessList) => Put(GetOrNew(name) with { AccessList = accessList });

    /// <summary>An object instance created by AddObject ("Device.IP.Interface.3.").</summary>
    public void AddObject(string objectPath)
    {
        if (!_tree.ContainsKey(objectPath))
        {
            Put(new CachedParameter(objectPath, null, null, null, null, null, null));
        }
    }

    /// <summary>Removes a parameter, or an object ("…X.") with everything below it.</summary>
    public void RemoveSubtree(string path)
    {
        if (!path.EndsWith('.'))
        {
            Remove(path);
            return;
        }

        foreach (string name in _tree.Keys.Where(n => n.StartsWith(path, StringComparison.Ordinal)).ToList())
        {
            Remove(name);
        }
    }

    /// <summary>
    /// A GetParameterNames answer: sets Writable on every listed name, and, since the answer lists everything there is
    /// below an object (all levels, or the direct children with NextLevel), drops what the cache holds there and the CPE
    /// no longer has.
    /// </summary>
    public void ApplyNames(string path, bool nextLevel, EquatableArray<ParameterInfoStruct> names)
    {
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (ParameterInfoStruct info in names)
        {
            listed.Add(info.Name);
            SetWritable(info.Name, info.Writable);
        }

        if (path.Length > 0 && !path.EndsWith('.'))
        {
            return;
        }

        foreach (string name in _tree.Keys.Where(n => n.Length > path.Length && n.StartsWith(path, StringComparison.Ordinal)).ToList())
        {
            string covering = nextLevel ? DirectChild(path, name) : name;
            if (!listed.Contains(covering))
            {
                Remove(name);
            }
        }
    }

    /// <summary>The pending changes, which are then considered written.</summary>
    public ParameterChanges TakeChanges()
    {
        var changes = new ParameterChanges(_clearFirst, [.. _upserts.Values], [.. _removals]);
        _upserts.Clear();
        _removals.Clear();
        _clearFirst = false;
        return changes;
    }

    private static string DirectChild(string path, string name)
    {
        int dot = name.IndexOf('.', path.Length);
        return dot < 0 ? name : name[..(dot + 1)];
    }

    private CachedParameter GetOrNew(string name) =>
        _tree.TryGetValue(name, out CachedParameter? current) ? current : new CachedParameter(name, null, null, null, null, null, null);

    private void Put(CachedParameter parameter)
    {
        EnsureLoaded();
        if (_tree.TryGetValue(parameter.Name, out CachedParameter? current) && SameContent(current, parameter))
        {
            return;
        }

        _tree[parameter.Name] = parameter;
        _upserts[parameter.Name] = parameter;
        _removals.Remove(parameter.Name);
    }

    private void Remove(string name)
    {
        EnsureLoaded();
        if (_tree.Remove(name))
        {
            _upserts.Remove(name);
            _removals.Add(name);
        }
    }

    private void EnsureLoaded()
    {
        if (!IsLoaded)
        {
            throw new InvalidOperationException("The parameter tree must be loaded before it is changed.");
        }
    }

    // Records compare lists by reference; the access list is compared by content.
    private static bool SameContent(CachedParameter a, CachedParameter b) =>
        a.Value == b.Value && a.Type == b.Type && a.Writable == b.Writable && a.Notification == b.Notification
        && a.ValueReadAt == b.ValueReadAt
        && (a.AccessList is null ? b.AccessList is null : b.AccessList is not null && a.AccessList.SequenceEqual(b.AccessList, StringComparer.Ordinal));
}
