namespace K8Shop.Contracts.Catalog;

/// <summary>The catalog's datastore could not be reached; the request changed nothing and may be retried.</summary>
[GenerateSerializer, Alias("k8shop.catalog.CatalogUnavailableException")]
public sealed class CatalogUnavailableException : Exception
{
    public CatalogUnavailableException() : this("the catalog store is unavailable") { }

    public CatalogUnavailableException(string message) : base(message) { }

    public CatalogUnavailableException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>Another product already uses the SKU a create or update asked for.</summary>
[GenerateSerializer, Alias("k8shop.catalog.DuplicateSkuException")]
public sealed class DuplicateSkuException : Exception
{
    public DuplicateSkuException() : this(string.Empty) { }

    public DuplicateSkuException(string sku) : base($"a product with SKU '{sku}' already exists") => Sku = sku;

    public DuplicateSkuException(string message, Exception inner) : base(message, inner) => Sku = string.Empty;

    [Id(0)]
    public string Sku { get; init; }
}

/// <summary>A draft broke a catalog rule; the grain re-checks what the gateway already validated.</summary>
[GenerateSerializer, Alias("k8shop.catalog.InvalidProductException")]
public sealed class InvalidProductException : Exception
{
    public InvalidProductException() : this(new Dictionary<string, string[]>()) { }

    public InvalidProductException(IReadOnlyDictionary<string, string[]> errors)
        : base("the product is invalid: " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")))
        => Errors = errors.ToDictionary(e => e.Key, e => e.Value);

    public InvalidProductException(string message, Exception inner) : base(message, inner) => Errors = [];

    [Id(0)]
    public Dictionary<string, string[]> Errors { get; init; }
}
