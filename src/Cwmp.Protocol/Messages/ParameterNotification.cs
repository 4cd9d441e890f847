namespace Cwmp.Protocol;

/// <summary>
/// The Notification attribute of a parameter (cwmp-1-4.xsd ParameterAttributeNotificationValueType). CWMP 1.0 and
/// 1.1 allow only 0–2; 3–6 are in the schemas from 1.2 on and gained their lightweight meanings in 1.4.
/// </summary>
public static class ParameterNotification
{
    public const int Off = 0;
    public const int Passive = 1;
    public const int Active = 2;
    public const int PassiveLightweight = 3;
    public const int PassiveWithPassiveLightweight = 4;
    public const int ActiveLightweight = 5;
    public const int PassiveWithActiveLightweight = 6;

    /// <summary>The first CWMP version whose schema accepts <paramref name="notification"/>.</summary>
    public static CwmpVersion MinimumVersion(int notification) =>
        notification is >= Off and <= Active ? CwmpVersion.Version10 : CwmpVersion.Version12;
}
