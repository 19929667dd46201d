namespace K8Shop.Streaming.RabbitMQ.Tests.Grains;

/// <summary>An event of the "parcels" streams: which parcel, its place in its stream, and a note.</summary>
[GenerateSerializer, Alias("test.ParcelEvent")]
public sealed record ParcelEvent([property: Id(0)] string Id, [property: Id(1)] int Sequence, [property: Id(2)] string Note);

/// <summary>An event of the "poison" streams, which every subscriber fails to process.</summary>
[GenerateSerializer, Alias("test.PoisonEvent")]
public sealed record PoisonEvent([property: Id(0)] string Id);

public static class TestStreams
{
    public const string Provider = "events";
    public const string Parcels = "parcels";
    public const string Poison = "poison";
}
