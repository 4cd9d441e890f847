namespace Cwmp.Swarm.DataModel;

/// <summary>
/// The data model of one device: its template's tree, minus the deleted instances, plus the added ones, with the
/// overlay's values over the template's defaults. A view over the owner; it holds no state of its own.
/// </summary>
internal readonly struct DeviceModel(IModelOwner owner)
{
    private DeviceTemplate Template => owner.Template;

    private ModelOverlay? Overlay => owner.Overlay;

    private ModelOverlay EnsureOverlay() => owner.Overlay ??= new ModelOverlay();

    /// <summary>Finds an entry (a parameter, or an object when the name ends with ".").</summary>
    public bool TryGet(string name, out ParameterDefinition definition)
    {
        definition = null!;
        ModelOverlay? overlay = Overlay;
        if (overlay?.Deleted is { } deleted && deleted.Exists(d => name.StartsWith(d, StringComparison.Ordinal)))
        {
            return false;
        }

        if (Template.ByName.TryGetValue(name, out ParameterDefinition? found))
        {
            definition = found;
            return true;
        }

        string? instance = AddedInstanceContaining(name);
        if (instance is null || !Template.Tables.TryGetValue(ParameterPath.Generic(instance), out TableSchema? schema))
        {
            return false;
        }

        string relative = name[instance.Length..];
        if (relative.Length == 0)
        {
            definition = schema.InstanceObject;
            return true;
        }

        if (schema.ByRelativeName.TryGetValue(relative, out found))
        {
            definition = found;
            return true;
        }

        return false;
    }

    public bool Exists(string name) => TryGet(name, out _);

    /// <summary>The current value of a parameter: the overlay's, else the template default with its tokens resolved.</summary>
    public string GetValue(string name, ParameterDefinition definition) =>
        Overlay?.Values is { } values && values.TryGetValue(name, out string? value)
            ? value
            : TokenExpander.Expand(definition, name, Template, owner);

    public string? GetValue(string name) => TryGet(name, out ParameterDefinition? definition) && !definition.IsObject ? GetValue(name, definition) : null;

    /// <summary>Sets a value without any check (the caller validated it, or it is the device's own change).</summary>
    public void SetValue(string name, string value)
    {
        ModelOverlay overlay = EnsureOverlay();
        (overlay.Values ??= new Dictionary<string, string>(StringComparer.Ordinal))[name] = value;
    }

    /// <summary>Sets a value if the parameter exists; the device uses it for results, whatever the template has.</summary>
    public bool TrySetExisting(string name, string value)
    {
        if (!TryGet(name, out ParameterDefinition? definition) || definition.IsObject)
        {
            return false;
        }

        SetValue(name, value);
        return true;
    }

    /// <summary>
    /// Every entry whose name starts with <paramref name="prefix"/> ("" for the whole tree), objects included, in
    /// template order and then in the order instances were added.
    /// </summary>
    public IEnumerable<ModelEntry> Enumerate(string prefix)
    {
        ModelOverlay? overlay = Overlay;
        List<string>? deleted = overlay?.Deleted;
        foreach (ParameterDefinition entry in Template.Entries)
        {
            if (entry.Name.StartsWith(prefix, StringComparison.Ordinal)
                && (deleted is null || !deleted.Exists(d => entry.Name.StartsWith(d, StringComparison.Ordinal))))
            {
                yield return new ModelEntry(entry.Name, entry);
            }
        }

        if (overlay?.Added is not { } added)
        {
            yield break;
        }

        foreach (string instance in added.ToArray())
        {
            if (!Template.Tables.TryGetValue(ParameterPath.Generic(instance), out TableSchema? schema)
                || (deleted is not null && deleted.Exists(d => instance.StartsWith(d, StringComparison.Ordinal))))
            {
                continue;
            }

            if (instance.StartsWith(prefix, StringComparison.Ordinal))
            {
                yield return new ModelEntry(instance, schema.InstanceObject);
            }

            if (!instance.StartsWith(prefix, StringComparison.Ordinal) && !prefix.StartsWith(instance, StringComparison.Ordinal))
            {
                continue;
            }

            foreach (ParameterDefinition entry in schema.Entries)
            {
                string name = instance + entry.Name;
                if (name.StartsWith(prefix, StringComparison.Ordinal))
                {
                    yield return new ModelEntry(name, entry);
                }
            }
        }
    }

    /// <summary>True for an existing multi-instance object path ("Device.NAT.PortMapping.").</summary>
    public bool IsTable(string path, out TableSchema schema)
    {
        schema = null!;
        return path.EndsWith('.')
            && Template.Tables.TryGetValue(ParameterPath.Generic(path) + ParameterPath.Instance + ".", out schema!)
            && TryGet(path, out ParameterDefinition? definition) && definition.IsObject;
    }

    /// <summary>Creates an instance of a table and returns its number (AddObject).</summary>
    public uint AddInstance(string tablePath)
    {
        ModelOverlay overlay = EnsureOverlay();
        overlay.NextInstance ??= new Dictionary<string, uint>(StringComparer.Ordinal);
        if (!overlay.NextInstance.TryGetValue(tablePath, out uint next))
        {
            next = 1 + Instances(tablePath).DefaultIfEmpty(0u).Max();
        }

        overlay.NextInstance[tablePath] = next + 1;
        (overlay.Added ??= []).Add(tablePath + TemplateLoader.Format(next) + ".");
        return next;
    }

    /// <summary>Removes an instance and everything below it (DeleteObject).</summary>
    public void DeleteInstance(string instancePath)
    {
        // Remember the table's next number before the instance disappears, so that it is never handed out again.
        string table = ParameterPath.Parent(instancePath);
        uint next = 1 + Instances(table).DefaultIfEmpty(0u).Max();
        ModelOverlay overlay = EnsureOverlay();
        overlay.NextInstance ??= new Dictionary<string, uint>(StringComparer.Ordinal);
        overlay.NextInstance.TryAdd(table, next);
        if (overlay.Added is { } added && added.Contains(instancePath))
        {
            added.RemoveAll(a => a.StartsWith(instancePath, StringComparison.Ordinal));
        }
        else
        {
            (overlay.Deleted ??= []).Add(instancePath);
        }

        RemoveBelow(overlay.Values, instancePath);
        RemoveBelow(overlay.Attributes, instancePath);
    }

    private static void RemoveBelow<T>(Dictionary<string, T>? map, string path)
    {
        if (map is null)
        {
            return;
        }

        foreach (string key in map.Keys.Where(k => k.StartsWith(path, StringComparison.Ordinal)).ToList())
        {
            map.Remove(key);
        }
    }

    /// <summary>The instance numbers a table has now.</summary>
    public IEnumerable<uint> Instances(string tablePath)
    {
        foreach (ModelEntry entry in Enumerate(tablePath))
        {
            if (entry.Definition.IsObject && ParameterPath.IsInstancePath(entry.Name, out string table, out uint number) && table == tablePath)
            {
                yield return number;
            }
        }
    }

    /// <summary>The notification setting (0 off, 1 passive, 2 active, 3–6 lightweight).</summary>
    public byte GetNotification(string name) =>
        Overlay?.Attributes is { } attributes && attributes.TryGetValue(name, out byte value)
            ? (byte)(value & 0x7F)
            : NotificationPolicy.Default(name);

    public bool HasSubscriberAccess(string name) =>
        Overlay?.Attributes is { } attributes && attributes.TryGetValue(name, out byte value) && (value & ModelOverlay.SubscriberAccess) != 0;

    public void SetAttributes(string name, byte? notification, bool? subscriberAccess)
    {
        byte current = (byte)(GetNotification(name) | (HasSubscriberAccess(name) ? ModelOverlay.SubscriberAccess : 0));
        if (notification is byte n)
        {
            current = (byte)((current & ModelOverlay.SubscriberAccess) | n);
        }

        if (subscriberAccess is bool access)
        {
            current = access ? (byte)(current | ModelOverlay.SubscriberAccess) : (byte)(current & 0x7F);
        }

        (EnsureOverlay().Attributes ??= new Dictionary<string, byte>(StringComparer.Ordinal))[name] = current;
    }

    /// <summary>Back to the template (FactoryReset).</summary>
    public void Reset() => owner.Overlay = null;

    private string? AddedInstanceContaining(string name)
    {
        if (Overlay?.Added is not { } added)
        {
            return null;
        }

        string? best = null;
        foreach (string instance in added)
        {
            if (name.StartsWith(instance, StringComparison.Ordinal) && (best is null || instance.Length > best.Length))
            {
                best = instance;
            }
        }

        return best;
    }
}
