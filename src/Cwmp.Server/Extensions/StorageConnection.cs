namespace Cwmp.Server.Extensions;

/// <summary>The one Redis connection string that every Orleans provider of this host uses.</summary>
internal sealed record StorageConnection(string ConnectionString);
