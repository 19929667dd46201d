using System.Collections.Concurrent;

namespace K8Shop.IntegrationTests.OrleansAdoNet;

/// <summary>A grain that counts its reminders' ticks, so tests can see a reminder fire.</summary>
public interface IReminderProbeGrain : IGrainWithStringKey
{
    Task StartAsync(string reminderName, TimeSpan period);

    Task<IReadOnlyList<string>> ListAsync();

    Task<bool> HasAsync(string reminderName);

    Task StopAsync(string reminderName);
}

public sealed class ReminderProbeGrain : Grain, IReminderProbeGrain, IRemindable
{
    public Task StartAsync(string reminderName, TimeSpan period) =>
        this.RegisterOrUpdateReminder(reminderName, period, period);

    public async Task<IReadOnlyList<string>> ListAsync() =>
        [.. (await this.GetReminders()).Select(r => r.ReminderName).Order(StringComparer.Ordinal)];

    public async Task<bool> HasAsync(string reminderName) => await this.GetReminder(reminderName) is not null;

    public async Task StopAsync(string reminderName)
    {
        if (await this.GetReminder(reminderName) is { } reminder)
            await this.UnregisterReminder(reminder);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        ReminderTicks.Record($"{this.GetPrimaryKeyString()}/{reminderName}");
        return Task.CompletedTask;
    }
}

/// <summary>Ticks by grain key and reminder name, across silo restarts within the test process.</summary>
public static class ReminderTicks
{
    private static readonly ConcurrentDictionary<string, int> Counts = new();

    public static void Record(string key) => Counts.AddOrUpdate(key, 1, (_, count) => count + 1);

    public static int Count(string key) => Counts.GetValueOrDefault(key);

    public static void Reset(string key) => Counts.TryRemove(key, out _);

    /// <summary>Waits until the key has ticked at least <paramref name="ticks"/> times; false on timeout.</summary>
    public static async Task<bool> WaitForAsync(string key, int ticks, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Count(key) < ticks)
        {
            if (DateTime.UtcNow > deadline)
                return false;
            await Task.Delay(100);
        }
        return true;
    }
}
