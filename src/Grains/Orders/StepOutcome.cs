using System.Collections.Immutable;
using K8Shop.Contracts.Orders;

namespace K8Shop.Grains.Orders;

/// <summary>
/// What one saga step (or a request from outside) found: the event it makes happen, a note for the timeline, and what
/// the order learnt, each null when unchanged. The grain hands it to <see cref="OrderSaga.Advance"/>.
/// </summary>
public sealed record StepOutcome(SagaEvent Event, string? Note = null)
{
    public OrderPayment? Payment { get; init; }

    /// <summary>Why the order did not go through: <c>out_of_stock</c>, <c>card_declined</c>, ...</summary>
    public string? Reason { get; init; }

    public ImmutableArray<string>? ShortSkus { get; init; }

    public DateTimeOffset? ReservedUntil { get; init; }

    /// <summary>The ordered lines were taken out of the shopper's cart.</summary>
    public bool CartCleared { get; init; }
}
