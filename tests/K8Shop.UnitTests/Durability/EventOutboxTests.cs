using System.Collections.Immutable;
using System.Reflection;
using K8Shop.Contracts.Events;
using K8Shop.Grains.Durability;
using Orleans.Runtime;
using Orleans.Streams;

namespace K8Shop.UnitTests.Durability;

/// <summary>The durability kit's outbox: published in order after the write, what fails kept for the retry, nothing kept once confirmed.</summary>
public sealed class EventOutboxTests
{
    private static readonly ImmutableArray<IntegrationEvent> Outbox = [Event("o-1", "payment.succeeded"), Event("o-2", "payment.failed"), Event("o-3", "payment.succeeded")];

    [Fact]
    public async Task Every_event_confirmed_in_order_leaves_nothing_in_the_outbox()
    {
        var streams = new RecordingStreams();

        var (left, failure) = await EventOutbox.PublishAsync(streams, Outbox);

        Assert.Null(failure);
        Assert.Empty(left);
        Assert.Equal(Outbox.Select(e => e.MessageId), streams.Published.Select(p => p.Event.MessageId));
        Assert.Equal(StreamId.Create("orders", "o-2"), streams.Published[1].Stream);
    }

    [Fact]
    public async Task A_publish_the_broker_refuses_keeps_that_event_and_the_rest_and_the_retry_sends_them_under_the_same_ids()
    {
        var streams = new RecordingStreams { FailingPublishes = 1, FailAfter = 1 };

        var (left, failure) = await EventOutbox.PublishAsync(streams, Outbox);

        Assert.IsType<TimeoutException>(failure);
        Assert.Equal<IntegrationEvent>(Outbox.Skip(1), left);
        Assert.Equal([Outbox[0].MessageId], streams.Published.Select(p => p.Event.MessageId));

        var (retryLeft, retryFailure) = await EventOutbox.PublishAsync(streams, left);

        Assert.Null(retryFailure);
        Assert.Empty(retryLeft);
        Assert.Equal(Outbox.Select(e => e.MessageId), streams.Published.Select(p => p.Event.MessageId));
    }

    private static PaymentEvent Event(string orderId, string status) => new()
    {
        MessageId = IntegrationEvent.StableMessageId(orderId, status),
        CorrelationId = orderId,
        OccurredAt = DateTimeOffset.UnixEpoch,
        OrderId = orderId,
        Status = status,
        PaymentId = "pay-" + orderId,
        UserId = "ana",
        Amount = 10m,
    };

    /// <summary>A stream provider that records what is published and refuses the publishes a test asks it to.</summary>
    private sealed class RecordingStreams : IStreamProvider
    {
        public List<(StreamId Stream, IntegrationEvent Event)> Published { get; } = [];

        /// <summary>How many publishes succeed before the refused ones start.</summary>
        public int FailAfter { get; init; }

        public int FailingPublishes { get; set; }

        public string Name => "recording";

        public bool IsRewindable => false;

        public IAsyncStream<T> GetStream<T>(StreamId streamId)
        {
            var stream = DispatchProxy.Create<IAsyncStream<T>, PublishOnlyStream>();
            ((PublishOnlyStream)(object)stream).Bind(this, streamId);
            return stream;
        }

        public Task Publish(StreamId stream, object item)
        {
            if (Published.Count >= FailAfter && FailingPublishes > 0)
            {
                FailingPublishes--;
                return Task.FromException(new TimeoutException("no confirm from the broker"));
            }
            Published.Add((stream, (IntegrationEvent)item));
            return Task.CompletedTask;
        }
    }

    /// <summary>An <see cref="IAsyncStream{T}"/> that only publishes (what the outbox calls); anything else is a test bug.</summary>
    public class PublishOnlyStream : DispatchProxy
    {
        private RecordingStreams? _streams;
        private StreamId _id;

        internal void Bind(object streams, StreamId id)
        {
            _streams = (RecordingStreams)streams;
            _id = id;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            targetMethod?.Name == nameof(IAsyncObserver<object>.OnNextAsync)
                ? _streams!.Publish(_id, args![0]!)
                : throw new NotSupportedException(targetMethod?.Name);
    }
}
