using K8Shop.Contracts.Events;
using K8Shop.Contracts.Inventory;
using K8Shop.Contracts.Rules;
using K8Shop.Contracts.Storage;
using K8Shop.Grains.Catalog;
using K8Shop.Grains.Durability;
using K8Shop.Grains.Events;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Runtime;

namespace K8Shop.Grains.Inventory;

/// <summary>
/// One SKU's stock. Reentrant by design: requests interleave only to join the queue of a
/// <see cref="GroupCommitter{TState}"/>, which decides each change in order against the state and answers it
/// after the write that holds it; reads answer from the last written state. A SKU not yet stored takes its
/// initial stock from the catalog; a SKU the catalog does not know is refused. Keys are upper case
/// (<see cref="InventoryKey.For"/>): any other key would be a second stock for the same product, so it is refused.
/// </summary>
[Reentrant]
public sealed partial class InventorySkuGrain : Grain, IInventorySkuGrain
{
    private readonly IPersistentState<InventoryState> _state;
    private readonly ICatalogStore _catalog;
    private readonly InventoryOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<InventorySkuGrain> _logger;
    private readonly GroupCommitter<InventoryState> _committer;
    private int _pendingReturns;
    private Task? _initializing;
    private int _requests;
    private int _rejected;
    // Armed only while there is something to do: a SKU that is only read (a catalog page, a search hit) runs no timer,
    // so thousands of activations cost no ticks.
    private IGrainTimer? _expiryTimer;
    private IGrainTimer? _activityTimer;

    // What the store holds: reads and the sold-out shortcut use it, never a batch still being written.
    private InventoryState _durable = new();

    public InventorySkuGrain(
        [PersistentState("stock", InventoryStorage.Name)] IPersistentState<InventoryState> state,
        ICatalogStore catalog,
        IOptions<InventoryOptions> options,
        TimeProvider clock,
        ILogger<InventorySkuGrain> logger)
    {
        _state = state;
        _catalog = catalog;
        _options = options.Value;
        _clock = clock;
        _logger = logger;
        _committer = new GroupCommitter<InventoryState>(
            () => _state.State,
            WriteAsync,
            s => InventoryRules.HasExpired(s, _clock.GetUtcNow()) ? InventoryRules.Expire(s, _clock.GetUtcNow(), _options) : s,
            _options.GroupCommit ? _options.MaxBatchSize : 1,
            new WritePace(_options.MaxWritesPerSecond, _options.WriteBurst),
            clock,
            InventoryMetrics.BatchWritten);
    }

    private static readonly TimeSpan ActivityReportInterval = TimeSpan.FromSeconds(1);

    private string Sku => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _durable = _state.State;
        WatchReservations();
        await InitializeFromCatalogAsync(cancellationToken);
        if (_durable.LowStockEvent is { } pending)
            _ = PublishLowStockAsync(pending);
    }

    public async Task<InventoryView> GetAsync()
    {
        await RequireKnownAsync();
        return View();
    }

    public async Task<ReservationResult> ReserveAsync(string orderId, int quantity, TimeSpan timeToLive)
    {
        InventoryRules.RequireQuantity(quantity);
        if (timeToLive <= TimeSpan.Zero || timeToLive > ShopLimits.Inventory.MaxReservationLifetime)
            throw new InventoryRuleException("ttl_seconds", $"must be between 1 and {ShopLimits.Inventory.MaxReservationSeconds} seconds");
        await RequireKnownAsync();
        CountRequest();

        // Sold out and nothing queued that could return stock: refuse without touching storage.
        var durable = _durable;
        if (_pendingReturns == 0 && durable.Available < quantity && !durable.Reservations.ContainsKey(orderId)
            && !durable.Closed.Exists(c => c.OrderId == orderId) && !InventoryRules.HasExpired(durable, _clock.GetUtcNow()))
        {
            _rejected++;
            InventoryMetrics.Reservation(InventoryMetrics.Results.Insufficient);
            return new ReservationResult(Sku, orderId, ReservationStatus.OutOfStock, quantity, null, durable.Available);
        }

        try
        {
            Admit();
        }
        catch (InventoryBusyException)
        {
            InventoryMetrics.Reservation(InventoryMetrics.Results.Shed);
            throw;
        }
        var repeated = durable.Reservations.ContainsKey(orderId);
        var expiresAt = _clock.GetUtcNow() + timeToLive;
        var result = await _committer.Submit(s => InventoryRules.Reserve(s, Sku, orderId, quantity, expiresAt, _clock.GetUtcNow(), _options));
        if (result.Status == ReservationStatus.OutOfStock)
            _rejected++;
        InventoryMetrics.Reservation(result.Status == ReservationStatus.OutOfStock ? InventoryMetrics.Results.Insufficient
            : repeated ? InventoryMetrics.Results.Duplicate
            : InventoryMetrics.Results.Reserved);
        return result;
    }

    public async Task<ReservationChange> CommitAsync(string orderId)
    {
        await RequireKnownAsync();
        CountRequest();
        Admit();
        return await _committer.Submit(s => InventoryRules.Commit(s, Sku, orderId, _clock.GetUtcNow(), _options));
    }

    public Task<ReservationChange> ReleaseAsync(string orderId)
    {
        CountRequest();
        return Returning(() => _committer.Submit(s => InventoryRules.Release(s, Sku, orderId, _clock.GetUtcNow(), _options)));
    }

    public async Task<InventoryView> SetStockAsync(int onHand, int? lowStockThreshold = null)
    {
        await Returning(() => _committer.Submit(s => (InventoryRules.SetStock(s, onHand, lowStockThreshold, _clock.GetUtcNow()), 0)));
        LogStockSet(Sku, onHand);
        return View();
    }

    public async Task<InventoryView> RestockAsync(int quantity)
    {
        await Returning(() => _committer.Submit(s => (InventoryRules.Restock(s, quantity, _clock.GetUtcNow()), 0)));
        return View();
    }

    public Task<ReservationChange> ReturnAsync(string orderId, int quantity) =>
        Returning(() => _committer.Submit(s => InventoryRules.Return(s, Sku, orderId, quantity, _clock.GetUtcNow(), _options)));

    private InventoryView View() => InventoryRules.View(Sku, _durable, _clock.GetUtcNow(), _options);

    private void Admit()
    {
        if (_committer.Backlog >= _options.MaxBacklog)
        {
            InventoryMetrics.Refused(Sku);
            throw new InventoryBusyException(Sku, 1);
        }
    }

    /// <summary>Runs a change that may make stock available again; while it is queued, refusals wait for it.</summary>
    private async Task<T> Returning<T>(Func<Task<T>> change)
    {
        await RequireKnownAsync();
        Admit();
        _pendingReturns++;
        try
        {
            return await change();
        }
        finally
        {
            _pendingReturns--;
        }
    }

    /// <summary>Tells the activity grain how many requests came since the last report (nothing when idle); one-way, so it never slows the SKU.</summary>
    /// <summary>Counts a request against the SKU, and reports the activity each second while requests come.</summary>
    private void CountRequest()
    {
        _requests++;
        _activityTimer ??= this.RegisterGrainTimer(ReportActivity, ActivityReportInterval, ActivityReportInterval);
    }

    /// <summary>Scans for expired reservations while the stored state holds any; stops when none is left.</summary>
    private void WatchReservations()
    {
        if (_durable.Reservations.Count > 0)
        {
            _expiryTimer ??= this.RegisterGrainTimer(ReturnExpiredAsync, _options.ExpiryScanInterval, _options.ExpiryScanInterval);
            return;
        }
        _expiryTimer?.Dispose();
        _expiryTimer = null;
    }

    private Task ReportActivity()
    {
        if (_requests == 0 || !_durable.Initialized)
        {
            _activityTimer?.Dispose();
            _activityTimer = null;
            return Task.CompletedTask;
        }
        var view = View();
        var activity = new SkuActivity(Sku, _requests, _rejected, view.Available, view.Reserved, view.LowStock, _clock.GetUtcNow());
        _requests = 0;
        _rejected = 0;
        return GrainFactory.GetGrain<IInventoryActivityGrain>(0).ReportAsync(activity);
    }

    private Task ReturnExpiredAsync() =>
        InventoryRules.HasExpired(_durable, _clock.GetUtcNow())
            ? Returning(() => _committer.Submit(s => (s, 0)))
            : Task.CompletedTask;

    private async Task WriteAsync(InventoryState next)
    {
        var previous = _state.State;
        // Falling to the threshold stores its inventory.low event with the change (an outbox of one), published after.
        if (previous.Initialized && previous.Available > next.LowStockThreshold && next.Available <= next.LowStockThreshold)
            next = next with { LowStockEvent = LowStockEvent(next) };
        try
        {
            await _state.WriteOrReloadAsync(this, next);
        }
        catch (Exception ex)
        {
            LogWriteFailed(Sku, ex.InnerException?.Message ?? ex.Message);
            throw;
        }
        InventoryMetrics.Written(Sku);
        _durable = next;
        WatchReservations();
        if (next.LowStockEvent is { } pending && !ReferenceEquals(pending, previous.LowStockEvent))
            _ = PublishLowStockAsync(pending);
    }

    private InventoryLowEvent LowStockEvent(InventoryState state) => new()
    {
        MessageId = IntegrationEvent.StableMessageId(Sku, $"inventory.low@{state.UpdatedAt.UtcTicks}"),
        CorrelationId = Sku,
        OccurredAt = state.UpdatedAt,
        Sku = Sku,
        Threshold = state.LowStockThreshold,
        Current = state.Available,
    };

    /// <summary>
    /// Publishes a stored <c>inventory.low</c>, then clears it with a write of its own (crossings are rare); if the
    /// publish fails it stays stored, and the next activation or crossing publishes it again under the same message id.
    /// </summary>
    private async Task PublishLowStockAsync(InventoryLowEvent pending)
    {
        try
        {
            var (_, failure) = await EventOutbox.PublishAsync(this.GetStreamProvider(EventStreams.ProviderName), [pending]);
            if (failure is not null)
            {
                LogLowStockUnpublished(Sku, failure.Message);
                return;
            }
            await _committer.Submit(s => (ReferenceEquals(s.LowStockEvent, pending) || s.LowStockEvent?.MessageId == pending.MessageId
                ? s with { LowStockEvent = null }
                : s, 0));
        }
        catch (Exception ex)
        {
            LogLowStockUnpublished(Sku, ex.Message);
        }
    }

    private async Task InitializeFromCatalogAsync(CancellationToken cancellationToken)
    {
        if (_state.State.Initialized || !string.Equals(Sku, InventoryKey.For(Sku), StringComparison.Ordinal))
            return;
        var product = await _catalog.FindAsync(Sku, cancellationToken);
        if (product is null || !string.Equals(product.Sku, Sku, StringComparison.OrdinalIgnoreCase))
            return;
        _state.State = new InventoryState
        {
            Initialized = true,
            OnHand = product.Stock,
            LowStockThreshold = _options.DefaultLowStockThreshold,
            UpdatedAt = _clock.GetUtcNow(),
        };
        await _state.WriteStateAsync(cancellationToken);
        _durable = _state.State;
        LogInitialized(Sku, product.Stock);
    }

    private async Task RequireKnownAsync()
    {
        if (_state.State.Initialized)
            return;
        // Calls interleave here; only one of them may write the first state.
        if (_initializing is null || _initializing.IsCompleted)
            _initializing = InitializeFromCatalogAsync(CancellationToken.None);
        await _initializing;
        if (!_state.State.Initialized)
            throw new InventoryRuleException("sku", $"'{Sku}' is not a SKU in the catalog", notFound: true);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inventory {Sku} low-stock event not published: {Reason}")]
    private partial void LogLowStockUnpublished(string sku, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Inventory {Sku} initialized from the catalog with {OnHand} units")]
    private partial void LogInitialized(string sku, int onHand);

    [LoggerMessage(Level = LogLevel.Information, Message = "Inventory {Sku} stock set to {OnHand} units")]
    private partial void LogStockSet(string sku, int onHand);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inventory {Sku} write failed; its batch is refused and the grain reloads: {Reason}")]
    private partial void LogWriteFailed(string sku, string reason);
}
