namespace Cwmp.Protocol.Serialization;

internal static partial class MessageRegistry
{
    /// <summary>SetParameterValues, GetParameterValues, GetParameterNames, Set/GetParameterAttributes, AddObject, DeleteObject and their responses.</summary>
    private static IEnumerable<KeyValuePair<string, Func<CwmpElementReader, CwmpMessage>>> ParameterReaders() =>
    [
        Entry("SetParameterValues", SetParameterValues.Read),
        Entry("SetParameterValuesResponse", SetParameterValuesResponse.Read),
        Entry("GetParameterValues", GetParameterValues.Read),
        Entry("GetParameterValuesResponse", GetParameterValuesResponse.Read),
        Entry("GetParameterNames", GetParameterNames.Read),
        Entry("GetParameterNamesResponse", GetParameterNamesResponse.Read),
        Entry("SetParameterAttributes", SetParameterAttributes.Read),
        Entry("SetParameterAttributesResponse", SetParameterAttributesResponse.Read),
        Entry("GetParameterAttributes", GetParameterAttributes.Read),
        Entry("GetParameterAttributesResponse", GetParameterAttributesResponse.Read),
        Entry("AddObject", AddObject.Read),
        Entry("AddObjectResponse", AddObjectResponse.Read),
        Entry("DeleteObject", DeleteObject.Read),
        Entry("DeleteObjectResponse", DeleteObjectResponse.Read),
    ];
}
