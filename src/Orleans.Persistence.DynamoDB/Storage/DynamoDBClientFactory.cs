using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace Orleans.Persistence.DynamoDB;

/// <summary>Builds the SDK client from validated options: a custom endpoint (dynalite) or an AWS region.</summary>
internal static class DynamoDBClientFactory
{
    public static AmazonDynamoDBClient Create(DynamoDBStorageOptions options)
    {
        var config = new AmazonDynamoDBConfig();
        if (options.ServiceUrl is { Length: > 0 } serviceUrl)
        {
            config.ServiceURL = serviceUrl;
            config.AuthenticationRegion = options.Region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }

        var customize = options.CustomizePipeline;
        if (customize is null)
        {
            return Credentials(options) is { } plain ? new AmazonDynamoDBClient(plain, config) : new AmazonDynamoDBClient(config);
        }

        return Credentials(options) is { } credentials
            ? new CustomizedDynamoDBClient(credentials, config, customize)
            : new CustomizedDynamoDBClient(config, customize);
    }

    private static BasicAWSCredentials? Credentials(DynamoDBStorageOptions options)
    {
        if (!string.IsNullOrEmpty(options.AccessKey) && !string.IsNullOrEmpty(options.SecretKey))
        {
            return new BasicAWSCredentials(options.AccessKey, options.SecretKey);
        }

        // An emulator accepts any signature, and the default chain would fail on a machine without AWS settings.
        return options.ServiceUrl is { Length: > 0 } ? new BasicAWSCredentials("local", "local") : null;
    }
}
