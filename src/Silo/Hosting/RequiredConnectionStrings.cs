namespace K8Shop.Silo.Hosting;

internal static class RequiredConnectionStrings
{
    /// <summary>A connection string the cluster profile cannot start without; its absence stops the start saying how to set it.</summary>
    public static string Get(IConfiguration configuration, string name, string? example = null)
    {
        var connectionString = configuration.GetConnectionString(name);
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException(
                $"The cluster profile needs ConnectionStrings:{name} (env ConnectionStrings__{name}){(example is null ? "" : ", " + example)}; " +
                "'eval \"$(scripts/dev-services.sh env)\"' sets it for the local services.");
        return connectionString;
    }
}
