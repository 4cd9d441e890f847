using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cwmp.Files;

/// <summary>The sidecars' JSON: camelCase, source-generated (no reflection at run time).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(FileMetadata))]
[JsonSerializable(typeof(UploadRecord))]
internal sealed partial class FilesJson : JsonSerializerContext;
