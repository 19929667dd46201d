using System.Text.Json;
using Amazon.Runtime.Internal;

namespace Orleans.Persistence.DynamoDB;

/// <summary>Settings of one named DynamoDB grain storage provider.</summary>
public sealed class DynamoDBStorageOptions
{
    public const string DefaultTableName = "k8shop-grain-state";

    public const string DefaultRegion = "us-east-1";

    /// <summary>The table holding one item per grain state (hash key GrainKey, range key StateName).</summary>
    public string TableName { get; set; } = DefaultTableName;

    /// <summary>An endpoint instead of AWS's own, such as dynalite at http://127.0.0.1:8000; null for AWS.</summary>
    public string? ServiceUrl { get; set; }

    /// <summary>The AWS region; also the signing region when <see cref="ServiceUrl"/> is set.</summary>
    public string Region { get; set; } = Environment.GetEnvironmentVariable("AWS_REGION") is { Length: > 0 } region ? region : DefaultRegion;

    /// <summary>An access key id; when null the SDK's default credential chain is used (or dummy keys for a <see cref="ServiceUrl"/>).</summary>
    [Redact]
    public string? AccessKey { get; set; }

    /// <summary>The secret of <see cref="AccessKey"/>.</summary>
    [Redact]
    public string? SecretKey { get; set; }

    /// <summary>Whether the silo creates the table at start when it is missing (handy for development; production tables are provisioned).</summary>
    public bool CreateTableIfNotExists { get; set; }

    /// <summary>Whether clearing deletes the item instead of writing a tombstone; deleting lets versions restart at 1.</summary>
    public bool DeleteStateOnClear { get; set; }

    /// <summary>The silo lifecycle stage at which the table is checked or created.</summary>
    public int InitStage { get; set; } = ServiceLifecycleStage.ApplicationServices;

    /// <summary>
    /// Adds handlers to the SDK client's request pipeline once it is built, e.g. a fault drill's handler placed inside
    /// the retry handler, so that each attempt meets it and the SDK retries what it raises as it would a service error.
    /// </summary>
    public Action<RuntimePipeline>? CustomizePipeline { get; set; }

    /// <summary>How grain state becomes the item's readable JSON <c>State</c> attribute.</summary>
    public JsonSerializerOptions JsonSerializerOptions { get; set; } = JsonSerializerOptions.Web;
}
