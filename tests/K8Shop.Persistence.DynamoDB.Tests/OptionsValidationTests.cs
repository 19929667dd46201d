using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Persistence.DynamoDB;
using Orleans.Runtime;

namespace K8Shop.Persistence.DynamoDB.Tests;

/// <summary>The validators the hosting extension registers per provider name, as the silo runs them at start.</summary>
public sealed class OptionsValidationTests
{
    private const string ProviderName = "books";

    [Fact]
    public void Validation_OfDynaliteSettings_Passes()
    {
        Validate(options => options.ServiceUrl = "http://127.0.0.1:8000");
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("grain state")]
    [InlineData("grains/state")]
    public void Validation_OfABadTableName_FailsNamingTheSetting(string tableName)
    {
        var failure = Assert.Throws<OrleansConfigurationException>(() => Validate(options => options.TableName = tableName));

        Assert.Contains("DynamoDBStorageOptions.TableName", failure.Message);
        Assert.Contains(ProviderName, failure.Message);
    }

    [Theory]
    [InlineData("/dynamodb")]
    [InlineData("127.0.0.1:8000")]
    [InlineData("ftp://127.0.0.1:8000")]
    public void Validation_OfARelativeOrNonHttpServiceUrl_FailsNamingTheSetting(string serviceUrl)
    {
        var failure = Assert.Throws<OrleansConfigurationException>(() => Validate(options => options.ServiceUrl = serviceUrl));

        Assert.Contains("DynamoDBStorageOptions.ServiceUrl", failure.Message);
    }

    [Fact]
    public void Validation_OfAnEmptyRegion_FailsNamingTheSetting()
    {
        var failure = Assert.Throws<OrleansConfigurationException>(() => Validate(options => options.Region = " "));

        Assert.Contains("DynamoDBStorageOptions.Region", failure.Message);
    }

    [Fact]
    public void Validation_OfAnAccessKeyWithoutSecret_FailsWithoutShowingTheKey()
    {
        var failure = Assert.Throws<OrleansConfigurationException>(() => Validate(options => options.AccessKey = "AKIAEXAMPLEKEY"));

        Assert.Contains("AccessKey", failure.Message);
        Assert.DoesNotContain("AKIAEXAMPLEKEY", failure.Message);
    }

    private static void Validate(Action<DynamoDBStorageOptions> configure)
    {
        using var services = new ServiceCollection().AddDynamoDBGrainStorage(ProviderName, configure).BuildServiceProvider();
        var validators = services.GetServices<IConfigurationValidator>().ToList();
        Assert.Single(validators);
        validators[0].ValidateConfiguration();
    }
}
