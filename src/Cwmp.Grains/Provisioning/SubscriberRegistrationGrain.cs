using Cwmp.Grains.Subscribers;
using Microsoft.Extensions.Logging;

namespace Cwmp.Grains.Provisioning;

[GenerateSerializer, Alias("cwmp.SubscriberRegistrationState")]
internal sealed class SubscriberRegistrationState
{
    [Id(0)] public SubscriberRegistration? Registration { get; set; }
}

/// <summary>One pre-registration; a grain per key, so a fleet of millions needs no directory in one place.</summary>
internal sealed partial class SubscriberRegistrationGrain(
    [PersistentState("subscriber", CwmpStorageNames.Provisioning)] IPersistentState<SubscriberRegistrationState> state,
    TimeProvider time,
    ILogger<SubscriberRegistrationGrain> logger) : Grain, ISubscriberRegistrationGrain
{
    public Task<SubscriberRegistration?> GetAsync() => Task.FromResult(state.State.Registration);

    public async Task<bool> PutAsync(SubscriberRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        ArgumentException.ThrowIfNullOrEmpty(registration.SubscriberId);
        foreach (string tag in registration.Tags)
        {
            DeviceTags.Validate(tag);
        }

        bool created = state.State.Registration is null;
        state.State.Registration = registration with { ClaimedBy = null, ClaimedAt = null };
        await state.WriteStateAsync();
        return created;
    }

    public async Task<bool> DeleteAsync()
    {
        if (state.State.Registration is null)
        {
            return false;
        }

        await state.ClearStateAsync();
        state.State = new SubscriberRegistrationState();
        return true;
    }

    public async Task<SubscriberRegistration?> ClaimAsync(string deviceKey)
    {
        SubscriberRegistration? registration = state.State.Registration;
        if (registration is null)
        {
            return null;
        }

        if (registration.ClaimedBy is { } claimedBy)
        {
            if (string.Equals(claimedBy, deviceKey, StringComparison.Ordinal))
            {
                return registration;
            }

            LogClaimedByOther(logger, this.GetPrimaryKeyString(), deviceKey, claimedBy);
            return null;
        }

        registration = registration with { ClaimedBy = deviceKey, ClaimedAt = time.GetUtcNow() };
        state.State.Registration = registration;
        await state.WriteStateAsync();
        return registration;
    }

    [LoggerMessage(EventId = 1302, Level = LogLevel.Warning, Message = "Subscriber registration {Key}: device {DeviceKey} informed with it, but {ClaimedBy} claimed it already")]
    private static partial void LogClaimedByOther(ILogger logger, string key, string deviceKey, string claimedBy);
}
