using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace Orleans.Persistence.DynamoDB;

/// <summary>The SDK's client with <see cref="DynamoDBStorageOptions.CustomizePipeline"/> applied after its own pipeline is built.</summary>
internal sealed class CustomizedDynamoDBClient : AmazonDynamoDBClient
{
    // The base constructor may build the pipeline (calling CustomizeRuntimePipeline) before this class's fields are set.
    [ThreadStatic]
    private static Action<RuntimePipeline>? _pending;

    private readonly Action<RuntimePipeline>? _customize;

    public CustomizedDynamoDBClient(AWSCredentials credentials, AmazonDynamoDBConfig config, Action<RuntimePipeline> customize)
        : base(credentials, Pending(config, customize))
    {
        _customize = customize;
        _pending = null;
    }

    public CustomizedDynamoDBClient(AmazonDynamoDBConfig config, Action<RuntimePipeline> customize)
        : base(Pending(config, customize))
    {
        _customize = customize;
        _pending = null;
    }

    private static AmazonDynamoDBConfig Pending(AmazonDynamoDBConfig config, Action<RuntimePipeline> customize)
    {
        _pending = customize;
        return config;
    }

    protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
    {
        base.CustomizeRuntimePipeline(pipeline);
        (_customize ?? _pending)?.Invoke(pipeline);
    }
}
