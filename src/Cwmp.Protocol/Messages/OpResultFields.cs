using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>
/// Collects the children of one OpResultStruct or AutonOpResultStruct in whatever order they arrive; the two share it
/// because the autonomous struct only adds OperationPerformed. Missing children keep schema-neutral defaults (empty
/// strings, unknown times, fault 0), since a CPE reporting a failed install may have no UUID or reference to give.
/// </summary>
internal sealed class OpResultFields
{
    private string _uuid = string.Empty;
    private string _deploymentUnitRef = string.Empty;
    private string _version = string.Empty;
    private string _currentState = string.Empty;
    private bool _resolved;
    private string _executionUnitRefList = string.Empty;
    private CwmpDateTime _startTime;
    private CwmpDateTime _completeTime;
    private DeploymentUnitFaultStruct _fault = DeploymentUnitFaultStruct.None;
    private string _operationPerformed = string.Empty;

    /// <summary>True once any field was read.</summary>
    public bool HasAny { get; private set; }

    public OpResultStruct ToResult() =>
        new(_uuid, _deploymentUnitRef, _version, _currentState, _resolved, _executionUnitRefList, _startTime, _completeTime, _fault);

    public AutonOpResultStruct ToAutonResult() => new(ToResult(), _operationPerformed);

    /// <summary>
    /// Reads one &lt;Results&gt; element into <paramref name="results"/>. cwmp-1-2.xsd repeats Results, one struct's
    /// fields directly inside each; TR-069's tables (OpResultStruct[]) and agents such as icwmp instead send one
    /// Results array of &lt;OpResultStruct&gt; items. Both shapes are read, in document order.
    /// </summary>
    public static void ReadResults<T>(CwmpElementReader reader, List<T> results, Func<OpResultFields, T> build)
    {
        var direct = new OpResultFields();
        if (reader.EnterElement())
        {
            while (reader.NextChild())
            {
                if (direct.TryRead(reader))
                {
                    continue;
                }

                if (reader.LocalName is "OpResultStruct" or "AutonOpResultStruct")
                {
                    var item = new OpResultFields();
                    if (reader.EnterElement())
                    {
                        while (reader.NextChild())
                        {
                            if (!item.TryRead(reader))
                            {
                                reader.Skip();
                            }
                        }
                    }

                    Add(reader, results, build(item));
                }
                else
                {
                    reader.Skip();
                }
            }
        }

        if (direct.HasAny)
        {
            Add(reader, results, build(direct));
        }
    }

    private static void Add<T>(CwmpElementReader reader, List<T> results, T item)
    {
        if (results.Count >= reader.Options.MaxArrayLength)
        {
            throw reader.Fail(CwmpParseError.ArrayTooLong, $"More than {reader.Options.MaxArrayLength} Results.");
        }

        results.Add(item);
    }

    /// <summary>Reads the child the reader is on if it is a field of the struct; returns false (consuming nothing) otherwise.</summary>
    private bool TryRead(CwmpElementReader reader)
    {
        switch (reader.LocalName)
        {
            case "UUID": _uuid = reader.ReadToken(); break;
            case "DeploymentUnitRef": _deploymentUnitRef = reader.ReadString(); break;
            case "Version": _version = reader.ReadString(); break;
            case "CurrentState": _currentState = reader.ReadToken(); break;
            case "Resolved": _resolved = reader.ReadBool(); break;
            case "ExecutionUnitRefList": _executionUnitRefList = reader.ReadString(); break;
            case "StartTime": _startTime = reader.ReadDateTime(); break;
            case "CompleteTime": _completeTime = reader.ReadDateTime(); break;
            case "Fault": _fault = DeploymentUnitFaultStruct.Read(reader); break;
            case "OperationPerformed": _operationPerformed = reader.ReadToken(); break;
            default: return false;
        }

        HasAny = true;
        return true;
    }
}
