using K8Shop.Contracts.Orders;
using K8Shop.Gateways.Hosting;
using K8Shop.Grains.Orders;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Metadata;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Streams;

namespace K8Shop.UnitTests.Gateway;

public sealed class CachedGrainInterfaceTypeTests
{
    [Fact]
    public void EveryGrainInterface_ResolvesAsOrleansResolvesIt_AndOnlyTheFirstTimeAsksOrleans()
    {
        using var orleans = Services(cached: false);
        using var cached = Services(cached: true);
        var interfaces = new[] { typeof(IOrderGrain).Assembly, typeof(OrderGrain).Assembly }
            .SelectMany(assembly => assembly.GetTypes())
            .Where(type => type.IsInterface && typeof(IAddressable).IsAssignableFrom(type) && !type.ContainsGenericParameters)
            .Append(typeof(IAsyncObserver<string>)) // a constructed generic interface
            .ToList();
        Assert.True(interfaces.Count > 20, $"only {interfaces.Count} grain interfaces found");

        var counting = cached.GetServices<IGrainInterfaceTypeProvider>().OfType<CountingProvider>().Single();
        var resolver = cached.GetRequiredService<GrainInterfaceTypeResolver>();
        foreach (var type in interfaces)
        {
            var expected = orleans.GetRequiredService<GrainInterfaceTypeResolver>().GetGrainInterfaceType(type);
            Assert.Equal(expected, resolver.GetGrainInterfaceType(type));
            Assert.Equal(expected, resolver.GetGrainInterfaceType(type));
        }

        // Orleans' own providers were asked once per interface, not once per call.
        Assert.Equal(interfaces.Count, counting.Calls);
    }

    private static ServiceProvider Services(bool cached)
    {
        var services = new ServiceCollection();
        services.AddSerializer();
        services.AddSingleton<IGrainInterfaceTypeProvider, CountingProvider>();
        services.AddSingleton<IGrainInterfaceTypeProvider, AttributeGrainInterfaceTypeProvider>();
        services.AddSingleton<GrainInterfaceTypeResolver>();
        if (cached)
            services.AddCachedGrainInterfaceTypes();
        return services.BuildServiceProvider();
    }

    /// <summary>Counts how often resolution reaches Orleans' providers; answers nothing itself.</summary>
    private sealed class CountingProvider : IGrainInterfaceTypeProvider
    {
        public int Calls { get; private set; }

        public bool TryGetGrainInterfaceType(Type type, out GrainInterfaceType grainInterfaceType)
        {
            Calls++;
            grainInterfaceType = default;
            return false;
        }
    }
}
