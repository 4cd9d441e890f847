using Cwmp.Protocol;
using Cwmp.Swarm.DataModel;

namespace Cwmp.Swarm.Cpe;

/// <summary>Builds the Inform of a session: the device's identity, its events, and the forced and changed parameters.</summary>
internal static class InformBuilder
{
    public static Inform Build(SimulatedCpe cpe, IReadOnlyList<EventStruct> events, DateTimeOffset now)
    {
        DeviceModel model = cpe.Model;
        var parameters = new List<ParameterValueStruct>(cpe.Template.InformParameters.Length + 4);
        foreach (string name in cpe.Template.InformParameters)
        {
            Add(cpe, model, name, parameters);
        }

        if (cpe.Extras?.ValueChanges is { } changes)
        {
            foreach (string name in changes)
            {
                if (!parameters.Exists(p => p.Name == name))
                {
                    Add(cpe, model, name, parameters);
                }
            }
        }

        return new Inform(cpe.DeviceId, [.. events], 1, now, cpe.RetryCount, [.. parameters]);
    }

    private static void Add(SimulatedCpe cpe, DeviceModel model, string name, List<ParameterValueStruct> parameters)
    {
        if (model.TryGet(name, out ParameterDefinition? definition) && !definition.IsObject)
        {
            parameters.Add(ValueOf(cpe, model, name, definition));
        }
    }

    /// <summary>A parameter as the device reports it: hidden ones empty, booleans as 0/1 for devices with that quirk.</summary>
    public static ParameterValueStruct ValueOf(SimulatedCpe cpe, DeviceModel model, string name, ParameterDefinition definition)
    {
        string value = definition.Hidden ? string.Empty : model.GetValue(name, definition);
        if (definition.Type == ParameterType.Boolean && cpe.Profile.BooleansAsDigits)
        {
            value = value == "true" ? "1" : value == "false" ? "0" : value;
        }

        return new ParameterValueStruct(name, value, definition.Type.XsiType());
    }
}
