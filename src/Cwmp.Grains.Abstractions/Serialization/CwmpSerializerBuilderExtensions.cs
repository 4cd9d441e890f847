using Cwmp.Grains.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Serialization.Cloning;
using Orleans.Serialization.Serializers;

namespace Orleans.Serialization;

/// <summary>Registers the Orleans codec of the Cwmp.Protocol types.</summary>
public static class CwmpSerializerBuilderExtensions
{
    /// <summary>
    /// Lets Orleans serialize <c>CwmpEnvelope</c> and every <c>CwmpMessage</c> (as CWMP XML) and copy them (by
    /// reference: they are immutable). Every silo and every client must call it.
    /// </summary>
    public static ISerializerBuilder AddCwmpProtocolTypes(this ISerializerBuilder builder)
    {
        IServiceCollection services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(CwmpProtocolCodec)))
        {
            return builder;
        }

        services.TryAddSingleton<CwmpProtocolCodec>();
        services.AddSingleton<IGeneralizedCodec>(sp => sp.GetRequiredService<CwmpProtocolCodec>());
        services.AddSingleton<IGeneralizedCopier>(sp => sp.GetRequiredService<CwmpProtocolCodec>());
        services.AddSingleton<ITypeFilter>(sp => sp.GetRequiredService<CwmpProtocolCodec>());
        builder.Configure(options => options.WellKnownTypeAliases[CwmpProtocolCodec.WellKnownAlias] = typeof(CwmpProtocolCodec));
        return builder;
    }
}
