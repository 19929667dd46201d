using System.Net.Http.Headers;
using System.Text;

namespace K8Shop.TestSupport;

/// <summary>
/// A throwaway virtual host on the shared test broker, for one fixture or one test process, deleted after. Exchange <c>orders</c> is shared
/// by everything on a virtual host: a silo another test class runs at the same time would otherwise consume this
/// fixture's events too (and send its e-mails a second time, from a database of its own).
/// </summary>
public sealed class RabbitMQVirtualHost : IAsyncDisposable
{
    private RabbitMQVirtualHost(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    /// <summary>The broker's amqp:// URI with this virtual host.</summary>
    public string ConnectionString { get; }

    public static async Task<RabbitMQVirtualHost> CreateAsync(string purpose)
    {
        var name = $"k8shop-test-{purpose}-{Guid.NewGuid():N}";
        var amqp = new Uri(TestServices.RabbitMQBrokerConnectionString);
        var user = Uri.UnescapeDataString(amqp.UserInfo.Split(':')[0]);
        using var http = ManagementClient();
        try
        {
            (await http.PutAsync($"/api/vhosts/{name}", null)).EnsureSuccessStatusCode();
        }
        catch (HttpRequestException ex)
        {
            throw new InvalidOperationException($"RabbitMQ's management API is not reachable at {http.BaseAddress} ({ex.Message}); run 'scripts/dev-services.sh up rabbitmq'.", ex);
        }
        var permissions = new StringContent("""{"configure":".*","write":".*","read":".*"}""", Encoding.UTF8, "application/json");
        (await http.PutAsync($"/api/permissions/{name}/{Uri.EscapeDataString(user)}", permissions)).EnsureSuccessStatusCode();
        var connectionString = new UriBuilder(amqp) { Path = "/" + name }.Uri.ToString();
        return new RabbitMQVirtualHost(name, connectionString);
    }

    /// <summary>The management API, as the test broker's user (port from <c>K8SHOP_RABBITMQ_MGMT_PORT</c>, default 15672).</summary>
    public static HttpClient ManagementClient()
    {
        var amqp = new Uri(TestServices.RabbitMQBrokerConnectionString);
        var http = new HttpClient
        {
            BaseAddress = new Uri($"http://{amqp.Host}:{Environment.GetEnvironmentVariable("K8SHOP_RABBITMQ_MGMT_PORT") ?? "15672"}"),
            Timeout = TimeSpan.FromSeconds(10),
        };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(amqp.UserInfo))));
        return http;
    }

    public async ValueTask DisposeAsync()
    {
        using var http = ManagementClient();
        await http.DeleteAsync($"/api/vhosts/{Name}");
    }

    /// <summary>Deletes the virtual host synchronously, for a process that is exiting; a failure leaves it behind, harmlessly.</summary>
    public void Delete()
    {
        try
        {
            using var http = ManagementClient();
            http.Send(new HttpRequestMessage(HttpMethod.Delete, $"/api/vhosts/{Name}"));
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
        }
    }
}
