using Microsoft.Data.Sqlite;

namespace K8Shop.Identity.Storage;

/// <summary>
/// SQLite, in memory by default: one connection stays open for the host's lifetime, since a shared in-memory database
/// disappears with its last connection. Only this process uses it, so no lock is needed.
/// </summary>
internal sealed class SqliteIdentityStoreSchema(string connectionString) : IIdentityStoreSchema, IDisposable
{
    private readonly SqliteConnection _keepAlive = new(connectionString);

    public async Task RunExclusiveAsync(IdentityStoreContext context, Func<CancellationToken, Task> afterSchema, CancellationToken cancellationToken)
    {
        await _keepAlive.OpenAsync(cancellationToken);
        await context.Database.EnsureCreatedAsync(cancellationToken);
        await afterSchema(cancellationToken);
    }

    public void Dispose() => _keepAlive.Dispose();
}
