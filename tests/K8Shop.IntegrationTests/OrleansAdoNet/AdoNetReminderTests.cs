using K8Shop.TestSupport;

namespace K8Shop.IntegrationTests.OrleansAdoNet;

/// <summary>Orleans' ADO.NET reminders on our schema and queries: registered, fired, listed, removed, and durable.</summary>
[Collection(PostgresOrleansCollection.Name)]
public sealed class AdoNetReminderTests(PostgresOrleansCluster fixture)
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan FireTimeout = TimeSpan.FromSeconds(15);

    [PostgresFact]
    public async Task Reminder_Registered_FiresIsListedAndIsGoneOnceUnregistered()
    {
        var key = Guid.NewGuid().ToString("N");
        var grain = fixture.Cluster.Client.GetGrain<IReminderProbeGrain>(key);

        await grain.StartAsync("tick", Period);
        await grain.StartAsync("tock", TimeSpan.FromHours(1));
        var fired = await ReminderTicks.WaitForAsync($"{key}/tick", 2, FireTimeout);
        var listed = await grain.ListAsync();
        var rowsWhileRegistered = await RowCountAsync(key);
        await grain.StopAsync("tick");
        var stillHasTick = await grain.HasAsync("tick");
        var stillHasTock = await grain.HasAsync("tock");
        await grain.StopAsync("tock");

        Assert.True(fired, "the reminder did not fire twice within 15 s");
        Assert.Equal(["tick", "tock"], listed);
        Assert.Equal(2, rowsWhileRegistered);
        Assert.False(stillHasTick);
        Assert.True(stillHasTock);
        Assert.Equal(0, await RowCountAsync(key));
    }

    [PostgresFact]
    public async Task Reminder_AfterTheSiloRestarts_FiresAgainWithoutAnyCallToItsGrain()
    {
        var key = Guid.NewGuid().ToString("N");
        await fixture.Cluster.Client.GetGrain<IReminderProbeGrain>(key).StartAsync("tick", Period);
        Assert.True(await ReminderTicks.WaitForAsync($"{key}/tick", 1, FireTimeout), "the reminder did not fire before the restart");

        await fixture.RestartAsync();
        ReminderTicks.Reset($"{key}/tick");
        var firedAfterRestart = await ReminderTicks.WaitForAsync($"{key}/tick", 1, FireTimeout);
        await fixture.Cluster.Client.GetGrain<IReminderProbeGrain>(key).StopAsync("tick");

        Assert.True(firedAfterRestart, "the new silo did not load the reminder from PostgreSQL and fire it within 15 s");
        Assert.Equal(0, await RowCountAsync(key));
    }

    private async Task<long> RowCountAsync(string grainKey)
    {
        await using var command = fixture.DataSource.CreateCommand("SELECT count(*) FROM orleans.reminder WHERE service_id = $1 AND grain_id LIKE '%' || $2");
        command.Parameters.Add(new() { Value = fixture.ServiceId });
        command.Parameters.Add(new() { Value = grainKey });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
