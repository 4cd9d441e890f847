namespace Cwmp.Grains;

/// <summary>One batch of changes to a device's stored parameter tree.</summary>
/// <param name="ClearFirst">Drop every stored entry before applying the rest (after "0 BOOTSTRAP").</param>
/// <param name="Upserts">Entries to write (whole entries: every attribute of the parameter).</param>
/// <param name="Removals">Names to remove.</param>
public sealed record ParameterChanges(bool ClearFirst, IReadOnlyList<CachedParameter> Upserts, IReadOnlyList<string> Removals)
{
    public bool IsEmpty => !ClearFirst && Upserts.Count == 0 && Removals.Count == 0;
}
