using K8Shop.LoadGen.Events;

namespace K8Shop.LoadGen.Tests.Events;

public sealed class EventLogTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void OnlyThisRunsShoppers_AreKept_OthersAndUnreadableAreCounted()
    {
        var log = new EventLog("lg-ab-");

        log.Add(Event("lg-ab-1"), At);
        log.Add(Event("lg-cd-1"), At);
        log.Add(Event(null), At);
        log.Add(null, At.AddSeconds(1));

        Assert.Equal(1, log.Count);
        Assert.Equal("lg-ab-1", log.Snapshot()[0].UserId);
        Assert.Equal((2, 1), (log.Foreign, log.Unreadable));
        Assert.Equal(At.AddSeconds(1), log.LastReceipt);
    }

    private static ObservedEvent Event(string? user) => new("orders.order_created", Guid.NewGuid().ToString(), "o", user, At, At);
}
