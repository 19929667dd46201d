using System.Diagnostics;
using System.Globalization;
using K8Shop.TestSupport;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;
using Xunit.Abstractions;

namespace K8Shop.Persistence.DynamoDB.Tests;

/// <summary>Many writers on one key through one client: the version condition lets exactly one win each version.</summary>
[Collection(DynamoDBStorageCollection.Name)]
public sealed class GrainStorageConcurrencyTests(DynamoDBStorageFixture fixture, ITestOutputHelper output)
{
    private const string StateName = "counter";

    [DynamoDBFact]
    public async Task ConcurrentWriters_WithoutRetry_ExactlyOneWinsEachVersion()
    {
        const int Writers = 1000;
        const int Waves = 100;
        var grainId = DynamoDBStorageFixture.NewGrainId();
        var clock = Stopwatch.StartNew();

        // Ten writers start together every 30 ms, overlapping the waves before them: spread so dynalite (single-threaded)
        // is not saturated and every read lands behind the first put, so writers meet many versions.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(writer % Waves * 30));
            return await ReadThenIncrementOnceAsync(grainId);
        })));

        output.WriteLine($"{Writers} concurrent read+write pairs: {clock.ElapsedMilliseconds} ms");
        var winners = outcomes.OfType<string>().ToList();
        var stored = new TestGrainState<CounterState>();
        await fixture.Storage.ReadStateAsync(StateName, grainId, stored);
        output.WriteLine($"{winners.Count} writes won, stored version {stored.ETag}");
        Assert.InRange(winners.Count, 2, Writers - 1);
        Assert.Equal(winners.Count, winners.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, winners.Count), winners.Select(v => int.Parse(v, CultureInfo.InvariantCulture)).Order());
        Assert.Equal(winners.Count.ToString(CultureInfo.InvariantCulture), stored.ETag);
        Assert.Equal(winners.Count, stored.State.Count);
    }

    [DynamoDBFact]
    public async Task ConcurrentWriters_RetryingOnConflict_LoseNoUpdate()
    {
        const int Writers = 100;
        var grainId = DynamoDBStorageFixture.NewGrainId();
        var clock = Stopwatch.StartNew();

        var attempts = await Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => Task.Run(() => IncrementUntilWrittenAsync(grainId))));

        output.WriteLine($"{Writers} retrying writers: {clock.ElapsedMilliseconds} ms, {attempts.Sum()} write attempts");
        var stored = new TestGrainState<CounterState>();
        await fixture.Storage.ReadStateAsync(StateName, grainId, stored);
        Assert.Equal(Writers, stored.State.Count);
        Assert.Equal(Writers.ToString(CultureInfo.InvariantCulture), stored.ETag);
    }

    /// <returns>The version this writer produced, or null when another writer got there first.</returns>
    private async Task<string?> ReadThenIncrementOnceAsync(GrainId grainId)
    {
        var state = new TestGrainState<CounterState>();
        await fixture.Storage.ReadStateAsync(StateName, grainId, state);
        state.State = state.State with { Count = state.State.Count + 1 };
        try
        {
            await fixture.Storage.WriteStateAsync(StateName, grainId, state);
            return state.ETag;
        }
        catch (InconsistentStateException)
        {
            return null;
        }
    }

    /// <returns>How many writes it took.</returns>
    private async Task<int> IncrementUntilWrittenAsync(GrainId grainId)
    {
        for (var attempt = 1; ; attempt++)
        {
            var state = new TestGrainState<CounterState>();
            await fixture.Storage.ReadStateAsync(StateName, grainId, state);
            state.State = state.State with { Count = state.State.Count + 1 };
            try
            {
                await fixture.Storage.WriteStateAsync(StateName, grainId, state);
                return attempt;
            }
            catch (InconsistentStateException)
            {
                // A little jitter, as real clients back off, so the losers do not all collide again at once.
                await Task.Delay(Random.Shared.Next(0, 10));
            }
        }
    }
}
