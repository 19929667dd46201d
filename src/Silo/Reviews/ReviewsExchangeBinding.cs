using K8Shop.Contracts.Events;
using RabbitMQ.Client;

namespace K8Shop.Silo.Reviews;

/// <summary>
/// The <c>reviews</c> topic exchange: review events are published to the shop's <c>orders</c> exchange like every
/// event, and this binding routes each <c>review.*</c> key on to <c>reviews</c>, so an AMQP consumer may bind its queue
/// to either. Declared once at start (idempotent); while the broker is away it tries again.
/// </summary>
public sealed partial class ReviewsExchangeBinding(IConfiguration configuration, ILogger<ReviewsExchangeBinding> logger) : BackgroundService
{
    public const string Exchange = "reviews";
    public const string BindingKey = "review.#";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var uri = configuration.GetConnectionString("RabbitMQ");
        if (string.IsNullOrWhiteSpace(uri))
            return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DeclareAsync(new Uri(uri), stoppingToken);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRetrying(ex.GetType().Name, ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
            }
        }
    }

    public static async Task DeclareAsync(Uri broker, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = broker, RequestedConnectionTimeout = TimeSpan.FromSeconds(5), ClientProvidedName = "k8shop-reviews-binding" };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        await channel.ExchangeDeclareAsync(IntegrationEvent.Exchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        await channel.ExchangeDeclareAsync(Exchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        await channel.ExchangeBindAsync(Exchange, IntegrationEvent.Exchange, BindingKey, cancellationToken: cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The reviews exchange could not be declared yet ({ExceptionType}: {Reason}); retrying")]
    private partial void LogRetrying(string exceptionType, string reason);
}
