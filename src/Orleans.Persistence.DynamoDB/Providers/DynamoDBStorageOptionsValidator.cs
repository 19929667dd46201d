using System.Text.RegularExpressions;
using Orleans.Runtime;

namespace Orleans.Persistence.DynamoDB;

/// <summary>Fails the silo's start when a DynamoDB storage provider is misconfigured, naming the setting.</summary>
internal sealed partial class DynamoDBStorageOptionsValidator(DynamoDBStorageOptions options, string name) : IConfigurationValidator
{
    public void ValidateConfiguration()
    {
        if (options.TableName is null || !TableNamePattern().IsMatch(options.TableName))
        {
            Fail(nameof(options.TableName), $"must be 3-255 characters of A-Z, a-z, 0-9, '_', '-' and '.', but is '{options.TableName}'");
        }

        if (options.ServiceUrl is not null
            && (!Uri.TryCreate(options.ServiceUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
        {
            Fail(nameof(options.ServiceUrl), $"must be an absolute http or https URL such as http://127.0.0.1:8000, but is '{options.ServiceUrl}'");
        }

        if (string.IsNullOrWhiteSpace(options.Region))
        {
            Fail(nameof(options.Region), "must name an AWS region such as us-east-1");
        }

        if (string.IsNullOrEmpty(options.AccessKey) != string.IsNullOrEmpty(options.SecretKey))
        {
            Fail($"{nameof(options.AccessKey)}/{nameof(options.SecretKey)}", "must be given together or not at all");
        }

        if (options.JsonSerializerOptions is null)
        {
            Fail(nameof(options.JsonSerializerOptions), "must not be null");
        }
    }

    private void Fail(string setting, string reason) =>
        throw new OrleansConfigurationException(
            $"Invalid configuration for {nameof(DynamoDBGrainStorage)} '{name}': {nameof(DynamoDBStorageOptions)}.{setting} {reason}.");

    [GeneratedRegex("^[A-Za-z0-9_.-]{3,255}$")]
    private static partial Regex TableNamePattern();
}
