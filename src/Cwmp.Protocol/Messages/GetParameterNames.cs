using Cwmp.Protocol.Serialization;

namespace Cwmp.Protocol;

/// <summary>
/// GetParameterNames (TR-069 A.3.2.3), ACS to CPE. <see cref="ParameterPath"/> is "" (the root), a partial path
/// ending in ".", or a full parameter name (which needs <see cref="NextLevel"/> false). NextLevel true asks for the
/// direct children only; CPEs that reject "false" need <see cref="CwmpWriterOptions.BooleansAsDigits"/>.
/// </summary>
public sealed record GetParameterNames(string ParameterPath, bool NextLevel) : CwmpRequest
{
    public override string MethodName => "GetParameterNames";

    internal override void WriteContent(CwmpXmlWriter writer)
    {
        writer.Element("ParameterPath"u8, ParameterPath);
        writer.Element("NextLevel"u8, NextLevel);
    }

    internal static GetParameterNames Read(CwmpElementReader reader)
    {
        string path = string.Empty;
        bool nextLevel = false;
        if (reader.EnterElement())
        {
            while (reader.NextChild())
            {
                switch (reader.LocalName)
                {
                    case "ParameterPath": path = reader.ReadString(); break;
                    case "NextLevel": nextLevel = reader.ReadBool(); break;
                    default: reader.Skip(); break;
                }
            }
        }

        return new GetParameterNames(path, nextLevel);
    }
}
