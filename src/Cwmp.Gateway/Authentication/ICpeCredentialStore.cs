namespace Cwmp.Gateway;

/// <summary>Where the gateway looks up the password a CPE must prove it knows.</summary>
public interface ICpeCredentialStore
{
    /// <summary>The credential of the HTTP username a CPE presented, or null when that username may not connect.</summary>
    ValueTask<CpeCredential?> FindAsync(string username, CancellationToken cancellationToken);
}
