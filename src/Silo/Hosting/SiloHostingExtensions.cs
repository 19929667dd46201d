using Orleans.Configuration;
using Orleans.Dashboard;
using K8Shop.ServiceDefaults.Telemetry;
using K8Shop.Gateways.Hosting;

namespace K8Shop.Silo.Hosting;

public static class SiloHostingExtensions
{
    public const string StreamProviderName = K8Shop.Contracts.Events.EventStreams.ProviderName;

    /// <summary>
    /// The Orleans silo: the providers of its profile (<see cref="ProfileHostingExtensions"/>: embedded or cluster), then
    /// the shop's features, which are the same in both.
    /// </summary>
    public static WebApplicationBuilder AddK8ShopSilo(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var profile = K8ShopOptions.From(configuration);
        profile.Validate();
        var endpoints = configuration.GetSection(SiloEndpointOptions.SectionName).Get<SiloEndpointOptions>() ?? new SiloEndpointOptions();
        endpoints.Validate();
        builder.Services.AddSingleton(profile);
        // The process's one clock: grains, caches, fault switches and the gateway all read it; tests replace it.
        builder.Services.AddSingleton(TimeProvider.System);

        if (profile.IsCluster)
            builder.AddClusterProviders(endpoints);
        else
            builder.AddEmbeddedProviders(endpoints);

        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(options =>
            {
                options.ServiceId = endpoints.ServiceId;
                options.ClusterId = endpoints.ClusterId;
            });
            // Failure detection and call timeouts are settable (Orleans:Membership:*, Orleans:Messaging:*): fault drills shorten them.
            silo.Services.AddOptions<ClusterMembershipOptions>().Bind(configuration.GetSection("Orleans:Membership"));
            silo.Services.AddOptions<SiloMessagingOptions>().Bind(configuration.GetSection("Orleans:Messaging"));
            silo.AddMemoryGrainStorageAsDefault();
            silo.Services.AddCachedGrainInterfaceTypes();
            silo.AddIncomingGrainCallFilter<K8Shop.Grains.Identity.ShopperOwnershipFilter>();
            silo.AddK8ShopCarts(configuration)
                .AddK8ShopInventory(configuration)
                .AddK8ShopOrders(configuration)
                .AddK8ShopRecommendations(configuration)
                .AddK8ShopNotifications(configuration)
                .AddK8ShopFaults(configuration);
            // The trace context rides along each grain call, so one trace follows a checkout across silos, one span per
            // call. Only with tracing on: the filters cost a little on every call.
            if (TelemetrySettings.Of(builder.Services).Tracing)
                silo.Services.AddGrainCallTracing();
            if (profile.Dashboard)
                silo.AddDashboard();
        });
        return builder;
    }
}
