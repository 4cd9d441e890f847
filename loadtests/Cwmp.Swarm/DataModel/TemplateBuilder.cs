namespace Cwmp.Swarm.DataModel;

/// <summary>
/// Collects template rows: concrete rows form the tree, rows whose name holds {i} describe table instances.
/// For a dump without such rows (the IGD), the schema of each table is taken from the first instance the dump shows.
/// </summary>
internal sealed class TemplateBuilder
{
    private readonly List<ParameterDefinition> _entries = [];
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ParameterDefinition>> _schemaEntries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _schemaWritable = new(StringComparer.Ordinal);

    public void Add(TemplateRow row)
    {
        int marker = row.Name.LastIndexOf(ParameterPath.Instance + ".", StringComparison.Ordinal);
        if (marker >= 0)
        {
            string table = row.Name[..(marker + ParameterPath.Instance.Length + 1)];
            string relative = row.Name[table.Length..];
            if (relative.Length == 0)
            {
                _schemaWritable[table] = row.Writable;
                _schemaEntries.TryAdd(table, []);
                return;
            }

            if (!_schemaEntries.TryGetValue(table, out List<ParameterDefinition>? list))
            {
                _schemaEntries[table] = list = [];
            }

            list.RemoveAll(e => e.Name == relative);
            list.Add(new ParameterDefinition(relative, row.Type, row.Writable, row.Default, row.Constraints));
            return;
        }

        if (_names.Add(row.Name))
        {
            _entries.Add(new ParameterDefinition(row.Name, row.Type, row.Writable, row.Default, row.Constraints));
        }
    }

    public DeviceTemplate Build(TemplateIdentity identity, bool inferSchemas)
    {
        if (inferSchemas)
        {
            InferSchemas();
        }

        var tables = new Dictionary<string, TableSchema>(StringComparer.Ordinal);
        foreach ((string path, List<ParameterDefinition> entries) in _schemaEntries)
        {
            tables[path] = new TableSchema(path, _schemaWritable.GetValueOrDefault(path), entries);
        }

        return new DeviceTemplate(identity, _entries, tables);
    }

    private void InferSchemas()
    {
        foreach (ParameterDefinition instance in _entries.Where(e => e.IsObject).ToList())
        {
            if (!ParameterPath.IsInstancePath(instance.Name, out _, out _))
            {
                continue;
            }

            string generic = ParameterPath.Generic(instance.Name);
            if (_schemaEntries.ContainsKey(generic) && _schemaWritable.ContainsKey(generic))
            {
                continue;
            }

            var schema = new List<ParameterDefinition>();
            foreach (ParameterDefinition entry in _entries)
            {
                if (entry.Name.Length <= instance.Name.Length || !entry.Name.StartsWith(instance.Name, StringComparison.Ordinal))
                {
                    continue;
                }

                string relative = entry.Name[instance.Name.Length..];
                if (ParameterPath.Generic(relative) != relative)
                {
                    continue; // inside a nested instance: that table gets its own schema
                }

                // A new instance starts empty: type defaults, not the values of the instance we learnt the shape from.
                schema.Add(new ParameterDefinition(relative, entry.Type, entry.Writable, entry.Type.EmptyValue(), entry.Constraints));
            }

            if (_schemaEntries.TryGetValue(generic, out List<ParameterDefinition>? existing))
            {
                foreach (ParameterDefinition entry in schema.Where(s => existing.All(e => e.Name != s.Name)))
                {
                    existing.Add(entry);
                }
            }
            else
            {
                _schemaEntries[generic] = schema;
            }

            _schemaWritable.TryAdd(generic, instance.Writable);
        }
    }
}
