using System.Text.Json;
using K8Shop.LoadGen.Events;

namespace K8Shop.LoadGen.Tests.Events;

public sealed class QueueDepthTests
{
    [Fact]
    public void Parse_KeepsTheMatchingQueues_WithReadyAndUnacknowledged_AndReadsMissingCountsAsZero()
    {
        const string json = """
            [{"name":"notification-service","messages_ready":4,"messages_unacknowledged":16},
             {"name":"notification-service.dlq","messages_ready":6,"messages_unacknowledged":0},
             {"name":"orders.bench-1.events.0","messages_ready":0,"messages_unacknowledged":500},
             {"name":"orders.bench-1.events.1"},
             {"name":"orders.k8shop.events.0","messages_ready":9,"messages_unacknowledged":0}]
            """;

        var depths = QueueDepth.Parse(json, ["notification-service", "orders.bench-1.events.*"]);

        Assert.Equal(
            [new("notification-service", 4, 16), new("orders.bench-1.events.0", 0, 500), new("orders.bench-1.events.1", 0, 0)],
            depths);
        Assert.Equal(20, depths[0].Messages);
    }

    [Fact]
    public void Parse_RefusesAnAnswerThatIsNotAList() =>
        Assert.Throws<JsonException>(() => QueueDepth.Parse("""{"error":"not_authorised"}""", ["*"]));

    [Theory]
    [InlineData("notification-service", "notification-service", true)]
    [InlineData("notification-service", "notification-service.dlq", false)]
    [InlineData("orders.*", "orders.k8shop.events.3", true)]
    [InlineData("orders.*", "orders", false)]
    [InlineData("orders.*.events.*", "orders.bench.events.dlq", true)]
    [InlineData("orders.*.events.*", "orders.bench.partitions", false)]
    [InlineData("*.dlq", "notification-service.dlq", true)]
    [InlineData("a*a", "a", false)]
    [InlineData("*", "", true)]
    public void Pattern_StarMatchesAnyCharacters_TheRestLiterally(string pattern, string name, bool matches) =>
        Assert.Equal(matches, QueuePattern.Matches(pattern, name));
}
