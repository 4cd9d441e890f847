namespace Cwmp.Grains.Subscribers;

/// <summary>One pre-registration (key: <see cref="SubscriberRegistrationKey.For"/>).</summary>
[Alias("cwmp.ISubscriberRegistrationGrain")]
public interface ISubscriberRegistrationGrain : IGrainWithStringKey
{
    [Alias("Get")]
    Task<SubscriberRegistration?> GetAsync();

    /// <summary>Creates or replaces the registration (a replaced one is unclaimed again); true when created.</summary>
    [Alias("Put")]
    Task<bool> PutAsync(SubscriberRegistration registration);

    [Alias("Delete")]
    Task<bool> DeleteAsync();

    /// <summary>
    /// Associates <paramref name="deviceKey"/> with the registration: the registration when it is unclaimed or
    /// already this device's, null when there is none or another device claimed it.
    /// </summary>
    [Alias("Claim")]
    Task<SubscriberRegistration?> ClaimAsync(string deviceKey);
}
