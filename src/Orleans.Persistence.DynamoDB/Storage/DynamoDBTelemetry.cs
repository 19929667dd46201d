using System.Diagnostics;

namespace Orleans.Persistence.DynamoDB;

/// <summary>
/// Activity source <c>K8Shop.DynamoDB</c>: a client span per DynamoDB call of the grain storage, with the database
/// semantic conventions' tags. The AWS SDK's own telemetry needs an instrumentation package our feed lacks.
/// </summary>
public static class DynamoDBTelemetry
{
    public const string SourceName = "K8Shop.DynamoDB";

    private static readonly ActivitySource Source = new(SourceName);

    /// <summary>A span for <paramref name="operation"/> (GetItem, PutItem, DeleteItem) on <paramref name="table"/>; null when nobody traces.</summary>
    public static Activity? Start(string operation, string table)
    {
        if (!Source.HasListeners())
            return null;
        var activity = Source.StartActivity($"DynamoDB.{operation}", ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("db.system", "dynamodb");
            activity.SetTag("db.system.name", "aws.dynamodb");
            activity.SetTag("db.operation.name", operation);
            activity.SetTag("rpc.system", "aws-api");
            activity.SetTag("rpc.service", "DynamoDB");
            activity.SetTag("rpc.method", operation);
            activity.SetTag("aws.dynamodb.table_names", new[] { table });
        }
        return activity;
    }

    public static void Failed(Activity? activity, Exception exception) =>
        activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
}
