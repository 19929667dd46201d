using K8Shop.Grains.Orders;
using K8Shop.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace K8Shop.IntegrationTests.OrleansAdoNet;

[GenerateSerializer, Alias("k8shop.tests.adonet-probe-state")]
public sealed record ProbeState
{
    [Id(0)] public int Count { get; init; }

    [Id(1)] public string Note { get; init; } = "";
}

/// <summary>Orleans' ADO.NET grain storage on our schema and queries, called as the runtime calls it.</summary>
[Collection(PostgresOrleansCollection.Name)]
public sealed class AdoNetGrainStorageTests(PostgresOrleansCluster fixture)
{
    private const string StateName = "state";
    private static readonly GrainType ProbeType = GrainType.Create("probe");

    private IGrainStorage Storage => fixture.Cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>(OrderStorage.Name);

    [PostgresFact]
    public async Task Read_NeverWritten_IsNoRecordWithNoETagAndADefaultState()
    {
        var state = await ReadAsync(NewGrainId());

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.Equal(new ProbeState(), state.State);
    }

    [PostgresFact]
    public async Task WriteUpdateClearWrite_EachStepMovesTheETagAndAFreshReadSeesIt()
    {
        var id = NewGrainId();
        var state = new GrainState<ProbeState>(new ProbeState { Count = 1, Note = "first" });

        await Storage.WriteStateAsync(StateName, id, state);
        var inserted = state.ETag;
        var afterInsert = await ReadAsync(id);
        state.State = new ProbeState { Count = 2, Note = "second" };
        await Storage.WriteStateAsync(StateName, id, state);
        var updated = state.ETag;
        var afterUpdate = await ReadAsync(id);
        await Storage.ClearStateAsync(StateName, id, state);
        var cleared = state.ETag;
        var afterClear = await ReadAsync(id);
        state.State = new ProbeState { Count = 3, Note = "after clear" };
        await Storage.WriteStateAsync(StateName, id, state);
        var afterRewrite = await ReadAsync(id);

        Assert.Equal((true, inserted, new ProbeState { Count = 1, Note = "first" }), (afterInsert.RecordExists, afterInsert.ETag, afterInsert.State));
        Assert.Equal((true, updated, new ProbeState { Count = 2, Note = "second" }), (afterUpdate.RecordExists, afterUpdate.ETag, afterUpdate.State));
        Assert.Equal((false, cleared, new ProbeState()), (afterClear.RecordExists, afterClear.ETag, afterClear.State));
        Assert.Equal((true, state.ETag, new ProbeState { Count = 3, Note = "after clear" }), (afterRewrite.RecordExists, afterRewrite.ETag, afterRewrite.State));
        Assert.Equal(4, new[] { inserted, updated, cleared, state.ETag }.Distinct().Count());
    }

    [PostgresFact]
    public async Task WriteAndClear_WithAStaleETag_ThrowInconsistentStateAndKeepTheNewerState()
    {
        var id = NewGrainId();
        var winner = new GrainState<ProbeState>(new ProbeState { Count = 1 });
        await Storage.WriteStateAsync(StateName, id, winner);
        var stale = await ReadAsync(id);
        winner.State = new ProbeState { Count = 2, Note = "winner" };
        await Storage.WriteStateAsync(StateName, id, winner);

        stale.State = new ProbeState { Count = 99, Note = "stale" };
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, id, stale));
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearStateAsync(StateName, id, stale));
        var unaware = new GrainState<ProbeState>(new ProbeState { Count = 7, Note = "thinks it is the first" });
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, id, unaware));

        var stored = await ReadAsync(id);
        Assert.Equal((winner.ETag, new ProbeState { Count = 2, Note = "winner" }), (stored.ETag, stored.State));
    }

    [PostgresFact]
    public async Task Keys_OfEveryKindAndGrainType_AreStoredApart()
    {
        var guid = Guid.NewGuid();
        var number = Random.Shared.NextInt64(1, long.MaxValue);
        // A leading letter, so the upper-case key really differs (an all-digit key made two ids the same, 1 run in 40).
        var hex = $"a{Random.Shared.Next(0x10000, 0xFFFFF):x}";
        GrainId[] ids =
        [
            // The ADO.NET provider alone reads each of these string keys as the same hex number.
            GrainId.Create("probe", hex), GrainId.Create("probe", hex.ToUpperInvariant()), GrainId.Create("probe", "0" + hex),
            GrainId.Create(ProbeType, GrainIdKeyExtensions.CreateIntegerKey(number)),
            GrainId.Create(ProbeType, GrainIdKeyExtensions.CreateIntegerKey(number, "ext")),
            GrainId.Create(ProbeType, GrainIdKeyExtensions.CreateGuidKey(guid)),
            GrainId.Create(ProbeType, GrainIdKeyExtensions.CreateGuidKey(guid, "ext")),
            // Same key and state name, another grain type: as an order and a payment of one order id.
            GrainId.Create(GrainType.Create("other-probe"), GrainIdKeyExtensions.CreateGuidKey(guid)),
        ];

        for (var i = 0; i < ids.Length; i++)
            await Storage.WriteStateAsync(StateName, ids[i], new GrainState<ProbeState>(new ProbeState { Count = i, Note = ids[i].ToString() }));

        for (var i = 0; i < ids.Length; i++)
            Assert.Equal(new ProbeState { Count = i, Note = ids[i].ToString() }, (await ReadAsync(ids[i])).State);
    }

    [PostgresFact]
    public async Task State_AfterTheSiloRestarts_IsReadBackWithItsETag()
    {
        var id = NewGrainId();
        var state = new GrainState<ProbeState>(new ProbeState { Count = 5, Note = "durable" });
        await Storage.WriteStateAsync(StateName, id, state);

        await fixture.RestartAsync();
        var restored = await ReadAsync(id);

        Assert.Equal((true, state.ETag, state.State), (restored.RecordExists, restored.ETag, restored.State));
    }

    private async Task<GrainState<ProbeState>> ReadAsync(GrainId id)
    {
        var state = new GrainState<ProbeState>();
        await Storage.ReadStateAsync(StateName, id, state);
        return state;
    }

    private static GrainId NewGrainId() => GrainId.Create("probe", Guid.NewGuid().ToString("N"));
}
