using System.Globalization;
using K8Shop.Contracts.Faults;
using K8Shop.Contracts.Rules;
using K8Shop.Grains.Orders;
using K8Shop.Grains.Orders.Table;
using K8Shop.Grains.Payments;
using K8Shop.Grains.Storage;
using K8Shop.Silo.Migrations;
using K8Shop.Silo.Orders;
using K8Shop.Silo.Storage;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Storage;

namespace K8Shop.Silo.Hosting;

public static class OrdersHostingExtensions
{
    /// <summary>The original payment service's decline rate, in percent; read when <c>Payments:FailProbability</c> is not set.</summary>
    public const string OriginalFailProbabilityVariable = "PAYMENT_FAIL_PROB";

    /// <summary>Order and payment settings (sections <c>Orders</c>, <c>Payments</c>); their storage comes with the profile.</summary>
    public static ISiloBuilder AddK8ShopOrders(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.Services.AddOptions<OrderOptions>()
            .Bind(configuration.GetSection(OrderOptions.SectionName))
            .Validate(o => o.MaxLines is > 0 and <= ShopLimits.Orders.MaxLines && o.MaxQuantityPerLine is > 0 and <= ShopLimits.Orders.MaxQuantityPerLine,
                $"Orders:MaxLines must be 1 to {ShopLimits.Orders.MaxLines} and Orders:MaxQuantityPerLine 1 to {ShopLimits.Orders.MaxQuantityPerLine}: options may only tighten the shop's limits.")
            .Validate(o => o.ReservationTtl > TimeSpan.Zero && o.ReservationTtl <= ShopLimits.Inventory.MaxReservationLifetime && o.ResumeAfter > TimeSpan.Zero,
                $"Orders:ReservationTtl must be above 0 and at most {ShopLimits.Inventory.MaxReservationLifetime} (the longest reservation), and Orders:ResumeAfter positive.")
            .ValidateOnStart();
        silo.Services.AddOptions<PaymentOptions>()
            .Bind(configuration.GetSection(PaymentOptions.SectionName))
            .Configure(options =>
            {
                if (configuration[$"{PaymentOptions.SectionName}:{nameof(PaymentOptions.FailProbability)}"] is null
                    && configuration[OriginalFailProbabilityVariable] is { Length: > 0 } percent)
                {
                    options.FailProbability = int.TryParse(percent, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
                        ? value
                        : throw new InvalidOperationException($"{OriginalFailProbabilityVariable} is '{percent}'; use a whole percentage from 0 to 100.");
                }
            })
            .Validate(o =>
            {
                o.Validate();
                return true;
            })
            .ValidateOnStart();
        // Orleans refuses reminders more frequent than a minute; a shorter Orders:ResumeAfter (tests, fault drills) lowers that floor.
        silo.Services.AddOptions<ReminderOptions>().PostConfigure<IOptions<OrderOptions>>((reminders, orders) =>
        {
            if (orders.Value.ResumeAfter < reminders.MinimumReminderPeriod)
                reminders.MinimumReminderPeriod = orders.Value.ResumeAfter;
        });
        return silo;
    }

    /// <summary>Orders (the order table) and payments in memory (Orleans' format), their writes slowed by postgres-slow-writes as PostgreSQL's would be.</summary>
    public static ISiloBuilder AddMemoryOrderStorage(this ISiloBuilder silo)
    {
        silo.AddMemoryGrainStorageWithSlowWrites(OrderStorage.Name, FaultNames.PostgresSlowWrites, OrderUser)
            .AddMemoryGrainStorageWithSlowWrites(PaymentStorage.Name, FaultNames.PostgresSlowWrites, PaymentUser);
        silo.Services.AddSingleton<IOrderTable, MemoryOrderTable>();
        silo.Services.AddKeyedSingleton<IGrainStorage>(OrderStorage.Table, (services, _) => FaultsHostingExtensions.WithSlowWrites(
            new OrderTableGrainStorage(services.GetRequiredService<IOrderTable>()), services, FaultNames.PostgresSlowWrites, OrderUser));
        silo.Services.AddKeyedSingleton<IBackendProbe, MemoryBackendProbe>("orders");
        silo.Services.AddKeyedSingleton<IBackendProbe, MemoryBackendProbe>("payments");
        return silo;
    }

    /// <summary>Orders and payments on PostgreSQL, their writes meeting postgres-slow-writes, and the health probes of their store.</summary>
    public static ISiloBuilder AddPostgresOrderStorage(this ISiloBuilder silo)
    {
        silo.AddPostgresGrainStorage(OrderStorage.Name, FaultNames.PostgresSlowWrites, OrderUser)
            .AddPostgresGrainStorage(PaymentStorage.Name, FaultNames.PostgresSlowWrites, PaymentUser);
        silo.Services.AddSingleton<IOrderTable, PostgresOrderTable>();
        silo.Services.AddSingleton<IMigration, OrderTableCopyMigration>();
        silo.Services.AddKeyedSingleton<IGrainStorage>(OrderStorage.Table, (services, _) => new UnavailableTranslatingGrainStorage(
            FaultsHostingExtensions.WithSlowWrites(new OrderTableGrainStorage(services.GetRequiredService<IOrderTable>()), services, FaultNames.PostgresSlowWrites, OrderUser),
            "postgresql", "orders store unavailable"));
        silo.Services.AddKeyedSingleton<IBackendProbe, PostgresBackendProbe>("orders");
        silo.Services.AddKeyedSingleton<IBackendProbe, PostgresBackendProbe>("payments");
        return silo;
    }

    /// <summary>The user a stored state belongs to, the scope of postgres-slow-writes.</summary>
    private static string? OrderUser(object? state) => (state as OrderState)?.UserId;

    private static string? PaymentUser(object? state) => (state as PaymentState)?.UserId;
}
