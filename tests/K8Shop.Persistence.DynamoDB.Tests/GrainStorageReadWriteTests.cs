using System.Collections.Immutable;
using System.Diagnostics;
using System.Text.Json;
using K8Shop.TestSupport;
using Orleans;
using Orleans.Storage;
using Xunit.Abstractions;

namespace K8Shop.Persistence.DynamoDB.Tests;

[Collection(DynamoDBStorageCollection.Name)]
public sealed class GrainStorageReadWriteTests(DynamoDBStorageFixture fixture, ITestOutputHelper output)
{
    private const string StateName = "shelf";

    private static readonly ShelfState Shelf = new()
    {
        Owner = "Ada",
        Titles = ["Dune", "Emma"],
        Ratings = [5, 4],
        Prices = ImmutableDictionary<string, decimal>.Empty.Add("Dune", 12.99m).Add("Emma", 0.10m),
        ShelvedAt = new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.FromHours(2)),
        ShelfId = Guid.Parse("6f1c2a9e-63e4-4d5b-9a43-2f7e0a0c1b2d"),
    };

    [DynamoDBFact]
    public async Task Read_MissingState_GivesNoETagNoRecordAndADefaultState()
    {
        var state = new TestGrainState<ShelfState>();

        await fixture.Storage.ReadStateAsync(StateName, DynamoDBStorageFixture.NewGrainId(), state);

        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
        Assert.NotNull(state.State);
        Assert.Equal("", state.State.Owner);
        Assert.Empty(state.State.Titles);
    }

    [DynamoDBFact]
    public async Task FirstWrite_ThenRead_RoundTripsTheStateWithETagOne()
    {
        var grainId = DynamoDBStorageFixture.NewGrainId();
        var written = new TestGrainState<ShelfState>(Shelf);

        await fixture.Storage.WriteStateAsync(StateName, grainId, written);
        var read = new TestGrainState<ShelfState>();
        await fixture.Storage.ReadStateAsync(StateName, grainId, read);

        Assert.Equal("1", written.ETag);
        Assert.Equal("1", read.ETag);
        Assert.True(read.RecordExists);
        Assert.Equal(Shelf.Owner, read.State.Owner);
        Assert.Equal(Shelf.Titles, read.State.Titles);
        Assert.Equal([5, 4], read.State.Ratings.ToArray());
        Assert.Equal(Shelf.Prices.OrderBy(p => p.Key), read.State.Prices.OrderBy(p => p.Key));
        Assert.Equal(Shelf.ShelvedAt, read.State.ShelvedAt);
        Assert.Equal(Shelf.ShelvedAt.Offset, read.State.ShelvedAt.Offset);
        Assert.Equal(Shelf.ShelfId, read.State.ShelfId);
    }

    [DynamoDBFact]
    public async Task Write_StoresOneItemWithReadableJsonVersionAndType()
    {
        var grainId = DynamoDBStorageFixture.NewGrainId();

        await fixture.Storage.WriteStateAsync(StateName, grainId, new TestGrainState<ShelfState>(Shelf));

        var item = await fixture.GetItemAsync(grainId, StateName);
        Assert.NotNull(item);
        Assert.Equal("1", item["Version"].N);
        Assert.Equal(typeof(ShelfState).FullName, item["StateType"].S);
        Assert.True(DateTimeOffset.TryParse(item["UpdatedAt"].S, out var updatedAt));
        Assert.InRange(updatedAt, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        using var json = JsonDocument.Parse(item["State"].S);
        Assert.Equal("Ada", json.RootElement.GetProperty("owner").GetString());
        Assert.Equal("Dune", json.RootElement.GetProperty("titles")[0].GetString());
        Assert.Equal(12.99m, json.RootElement.GetProperty("prices").GetProperty("Dune").GetDecimal());
    }

    [DynamoDBFact]
    public async Task Write_WithStaleETag_IsRejectedAndLeavesTheStoredStateUnchanged()
    {
        var grainId = DynamoDBStorageFixture.NewGrainId();
        var first = new TestGrainState<ShelfState>(Shelf);
        await fixture.Storage.WriteStateAsync(StateName, grainId, first);
        var stale = new TestGrainState<ShelfState>(Shelf with { Owner = "stale" }, first.ETag);
        await fixture.Storage.WriteStateAsync(StateName, grainId, new TestGrainState<ShelfState>(Shelf with { Owner = "Grace" }, first.ETag));

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => fixture.Storage.WriteStateAsync(StateName, grainId, stale));

        Assert.Equal("1", conflict.CurrentEtag);
        var read = new TestGrainState<ShelfState>();
        await fixture.Storage.ReadStateAsync(StateName, grainId, read);
        Assert.Equal("Grace", read.State.Owner);
        Assert.Equal("2", read.ETag);
    }

    [DynamoDBFact]
    public async Task Write_WithNoETagOverAnExistingRecord_IsRejected()
    {
        var grainId = DynamoDBStorageFixture.NewGrainId();
        await fixture.Storage.WriteStateAsync(StateName, grainId, new TestGrainState<ShelfState>(Shelf));

        await Assert.ThrowsAsync<InconsistentStateException>(
            () => fixture.Storage.WriteStateAsync(StateName, grainId, new TestGrainState<ShelfState>(Shelf with { Owner = "intruder" })));

        var read = new TestGrainState<ShelfState>();
        await fixture.Storage.ReadStateAsync(StateName, grainId, read);
        Assert.Equal("Ada", read.State.Owner);
    }

    [DynamoDBFact]
    public async Task Write_WithAnETagThatIsNoVersion_IsRejected()
    {
        var grainId = DynamoDBStorageFixture.NewGrainId();
        await fixture.Storage.WriteStateAsync(StateName, grainId, new TestGrainState<ShelfState>(Shelf));

        await Assert.ThrowsAsync<InconsistentStateException>(
            () => fixture.Storage.WriteStateAsync(StateName, grainId, new TestGrainState<ShelfState>(Shelf, "W/\"abc\"")));
    }

    [DynamoDBFact]
    public async Task States_OfOneGrainUnderDifferentNames_AreStoredApart()
    {
        var grainId = DynamoDBStorageFixture.NewGrainId();
        await fixture.Storage.WriteStateAsync("left", grainId, new TestGrainState<ShelfState>(Shelf with { Owner = "left" }));
        await fixture.Storage.WriteStateAsync("right", grainId, new TestGrainState<ShelfState>(Shelf with { Owner = "right" }));

        var left = new TestGrainState<ShelfState>();
        await fixture.Storage.ReadStateAsync("left", grainId, left);

        Assert.Equal("left", left.State.Owner);
        Assert.Equal("1", left.ETag);
    }

    [DynamoDBFact]
    public async Task SequentialWrites_RaiseTheVersionByOneEach()
    {
        const int Writes = 200;
        var grainId = DynamoDBStorageFixture.NewGrainId();
        var state = new TestGrainState<CounterState>(new CounterState());
        var clock = Stopwatch.StartNew();

        for (var i = 1; i <= Writes; i++)
        {
            state.State = new CounterState { Count = i };
            await fixture.Storage.WriteStateAsync("counter", grainId, state);
            Assert.Equal(i.ToString(System.Globalization.CultureInfo.InvariantCulture), state.ETag);
        }

        output.WriteLine($"{Writes} sequential conditional PutItem calls: {clock.Elapsed.TotalMilliseconds / Writes:F2} ms each on average");
        var read = new TestGrainState<CounterState>();
        await fixture.Storage.ReadStateAsync("counter", grainId, read);
        Assert.Equal(Writes, read.State.Count);
    }
}
