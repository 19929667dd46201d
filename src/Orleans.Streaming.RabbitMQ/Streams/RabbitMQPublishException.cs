namespace Orleans.Streaming.RabbitMQ;

/// <summary>
/// An event the broker did not take: every attempt was returned (unroutable), nacked, refused or not confirmed in
/// time. The caller of <c>OnNextAsync</c> sees it; the event may still have reached the broker on an attempt whose
/// confirm was lost, so publishing it again may duplicate it (consumers act once per message id).
/// </summary>
public sealed class RabbitMQPublishException(string message, Exception? innerException) : Exception(message, innerException)
{
}
