using System.Globalization;
using Npgsql;

namespace K8Shop.SearchBench;

/// <summary>
/// The CPU one PostgreSQL backend (the server process behind a connection) has used, from <c>/proc/PID/stat</c>
/// (user and system time, in the kernel's clock ticks of 1/100 s): available when the server runs on this machine,
/// as the dev services' does. The data source must hold a single connection, so that every statement runs on it.
/// </summary>
public sealed class BackendCpu
{
    private const double TicksPerSecond = 100;

    private readonly string? _stat;

    private BackendCpu(string? stat) => _stat = stat;

    public bool Available => _stat is not null;

    public static async Task<BackendCpu> OfAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("SELECT pg_backend_pid()");
        var pid = (int)(await command.ExecuteScalarAsync())!;
        var stat = $"/proc/{pid}/stat";
        return new BackendCpu(File.Exists(stat) && File.ReadAllText(stat).Contains("postgres", StringComparison.Ordinal) ? stat : null);
    }

    public TimeSpan Read()
    {
        if (_stat is null)
            return TimeSpan.Zero;
        var text = File.ReadAllText(_stat);
        // After "pid (comm) ": state is field 3, utime field 14 and stime field 15 of the whole line.
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }
}
