using Google.Protobuf;
using Grpc.Core;

namespace K8Shop.Gateways.Errors;

/// <summary>
/// Protobuf marshalling that answers INVALID_ARGUMENT for a request the parser refuses (a string field that is not
/// UTF-8, a truncated or malformed message). The generated marshallers let the parser's exception escape, and gRPC
/// answers any exception from reading a request as UNKNOWN, as if the server had failed.
/// </summary>
public static class StrictGrpcMarshaller
{
    public static Marshaller<T> For<T>(MessageParser<T> parser) where T : IMessage<T>, IBufferMessage =>
        new(Serialize, context => Deserialize(parser, context));

    private static void Serialize<T>(T message, SerializationContext context) where T : IMessage<T>, IBufferMessage
    {
        context.SetPayloadLength(message.CalculateSize());
        message.WriteTo(context.GetBufferWriter());
        context.Complete();
    }

    private static T Deserialize<T>(MessageParser<T> parser, DeserializationContext context) where T : IMessage<T>, IBufferMessage
    {
        try
        {
            return parser.ParseFrom(context.PayloadAsReadOnlySequence());
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"the request is not a valid {typeof(T).Name} message: {ex.Message}"));
        }
        catch (ArgumentException)
        {
            // The parser decodes strings strictly: invalid UTF-8 surfaces as a DecoderFallbackException (an ArgumentException).
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"a string field of the {typeof(T).Name} request is not valid UTF-8"));
        }
    }
}
