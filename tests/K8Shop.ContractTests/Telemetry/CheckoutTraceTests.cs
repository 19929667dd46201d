using System.Diagnostics;
using K8Shop.TestSupport;

namespace K8Shop.ContractTests.Telemetry;

/// <summary>
/// One checkout is one trace: the gateway request, the order and payment grain calls, the stores, the publish, the
/// consume and the e-mail all carry the trace id the request came with.
/// </summary>
public sealed class CheckoutTraceTests
{
    private static bool Server(Activity a) => a.Source.Name == "Microsoft.AspNetCore" && a.Kind == ActivityKind.Server;

    private static bool GrainCall(Activity a, string grain) => a.Source.Name == K8Shop.ServiceDefaults.Telemetry.GrainCallTracing.SourceName
        && a.DisplayName.Contains(grain, StringComparison.Ordinal);

    /// <summary>The in-process bound queues' publish (embedded mode, where no RabbitMQ.Client records one).</summary>
    private static bool Publish(Activity a) => a.Source.Name == "K8Shop.Events" && a.Kind == ActivityKind.Producer;

    [Fact]
    public async Task Embedded_checkout_is_one_trace_from_the_request_through_the_order_and_payment_grains_to_the_publish()
    {
        await using var host = new TracedHost(new Dictionary<string, string?> { ["K8Shop:Profile"] = "embedded", ["Auth:Mode"] = "open" });
        var user = $"trace-{Guid.NewGuid():N}"[..24];

        var (traceId, order) = await host.CheckoutAsync(user, $"{user}@mail.example.org");
        var trace = await host.WaitForTraceAsync(traceId, new Dictionary<string, Func<Activity, bool>>
        {
            ["the gateway request POST /orders"] = a => Server(a) && a.DisplayName.StartsWith("POST", StringComparison.Ordinal),
            ["the order grain call"] = a => GrainCall(a, "IOrderGrain"),
            ["the payment grain call"] = a => GrainCall(a, "IPaymentGrain"),
            ["the inventory grain call"] = a => GrainCall(a, "IInventorySkuGrain"),
            ["the publish of order.created"] = a => Publish(a) && a.DisplayName == "publish orders.order_created",
        }, TimeSpan.FromSeconds(20));

        Assert.Equal("confirmed", order.GetProperty("status").GetString());
        // Every span of the checkout descends from the request's: nothing started a trace of its own.
        var ids = trace.Select(a => a.SpanId).ToHashSet();
        var root = Assert.Single(trace, a => Server(a) && a.DisplayName.StartsWith("POST", StringComparison.Ordinal));
        Assert.All(trace.Where(a => a != root), a => Assert.True(ids.Contains(a.ParentSpanId), $"'{a.DisplayName}' has a parent outside the trace"));
    }

    [NotificationFact]
    public async Task Cluster_checkout_is_one_trace_through_postgres_dynamodb_rabbitmq_the_consumer_and_smtp()
    {
        await using var database = await PostgresDatabase.CreateAsync("trace");
        var queue = $"notification-trace-{Guid.NewGuid():N}";
        await using var host = new TracedHost(new Dictionary<string, string?>
        {
            ["K8Shop:Profile"] = "cluster",
            ["Auth:Mode"] = "open",
            ["ConnectionStrings:Postgres"] = database.ConnectionString,
            ["ConnectionStrings:Redis"] = TestServices.RedisConnectionString,
            ["ConnectionStrings:RabbitMQ"] = TestServices.RabbitMQConnectionString,
            ["DynamoDB:ServiceUrl"] = TestServices.DynamoDBServiceUrl,
            ["DynamoDB:TableName"] = $"k8shop-trace-{Guid.NewGuid():N}",
            ["Notifications:Queue:Name"] = queue,
            ["Smtp:Host"] = TestServices.SmtpHost,
            ["Smtp:Port"] = TestServices.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var user = $"trace-{Guid.NewGuid():N}"[..24];
        var address = $"{user}@mail.example.org";

        var (traceId, order) = await host.CheckoutAsync(user, address);
        var trace = await host.WaitForTraceAsync(traceId, new Dictionary<string, Func<Activity, bool>>
        {
            ["the gateway request POST /orders"] = a => Server(a) && a.DisplayName.StartsWith("POST", StringComparison.Ordinal),
            ["the order grain call"] = a => GrainCall(a, "IOrderGrain"),
            ["the payment grain call"] = a => GrainCall(a, "IPaymentGrain"),
            ["a PostgreSQL statement"] = a => a.Source.Name == "Npgsql",
            ["the DynamoDB write"] = a => a.Source.Name == "K8Shop.DynamoDB" && a.DisplayName == "DynamoDB.PutItem"
                && Equals(a.GetTagItem("db.system"), "dynamodb"),
            ["RabbitMQ's publish"] = a => a.Source.Name == "RabbitMQ.Client.Publisher",
            ["the notification consumer"] = a => a.Source.Name == "K8Shop.Notifications" && a.Kind == ActivityKind.Consumer,
            ["the notification grain call"] = a => GrainCall(a, "INotificationGrain"),
            ["the SMTP send"] = a => a.Source.Name == "K8Shop.Notifications" && a.DisplayName == "email send" && a.Status != ActivityStatusCode.Error,
        }, TimeSpan.FromSeconds(30));

        Assert.Equal("confirmed", order.GetProperty("status").GetString());
        // Each call recorded once: a grain call by the grain's span alone, a DynamoDB request without its bare POST under it,
        // a publish by RabbitMQ.Client's span alone, a state write by the datastore's span alone (no Orleans storage span).
        Assert.DoesNotContain(trace, Publish);
        Assert.DoesNotContain(trace, a => a.Source.Name == "Microsoft.Orleans.Storage");
        var grainCalls = trace.Where(a => a.Source.Name == K8Shop.ServiceDefaults.Telemetry.GrainCallTracing.SourceName).Select(a => a.SpanId).ToHashSet();
        Assert.Contains(trace, a => a.Source.Name == "Npgsql" && grainCalls.Contains(a.ParentSpanId));
        var dynamoSpans = trace.Where(a => a.Source.Name == "K8Shop.DynamoDB").Select(a => a.SpanId).ToHashSet();
        Assert.DoesNotContain(trace, a => a.Source.Name == "System.Net.Http" && dynamoSpans.Contains(a.ParentSpanId));
        Assert.All(trace.Where(a => a.Source.Name == K8Shop.ServiceDefaults.Telemetry.GrainCallTracing.SourceName), a => Assert.Equal(ActivityKind.Server, a.Kind));
        Assert.NotEmpty(await SmtpInbox.WaitForAsync(address, 1, TimeSpan.FromSeconds(10)));
    }
}
