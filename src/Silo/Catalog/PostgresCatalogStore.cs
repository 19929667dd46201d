using System.Text;
using K8Shop.Contracts.Catalog;
using K8Shop.Contracts.Events;
using K8Shop.Grains.Catalog;
using K8Shop.Silo.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace K8Shop.Silo.Catalog;

/// <summary>
/// The catalog in PostgreSQL (schema <c>catalog</c>, as the original). Its SQL mirrors <see cref="CatalogMatching"/>:
/// literal, case-insensitive text match on title or SKU; tag equality ignoring case; inclusive price bounds;
/// titles ordered case-insensitively by code point.
/// </summary>
public sealed partial class PostgresCatalogStore(NpgsqlDataSource dataSource, ILogger<PostgresCatalogStore> logger) : ICatalogStore
{
    /// <summary>A product's columns in the order <see cref="Read"/> reads them; the search reads more after them.</summary>
    internal const string ProductColumns = """
        SELECT p.id, p.sku, p.title, p.description, p.price, p.image_url, p.tags, COALESCE(i.available, 0),
               p.author, p.isbn, p.published_year, p.created_at, p.updated_at
        """;

    internal const string ProductsFrom = """

        FROM catalog.products p
        LEFT JOIN catalog.product_inventory i ON i.product_id = p.id
        LEFT JOIN catalog.book_ratings r ON r.sku = p.sku
        """;

    internal const string SelectProducts = ProductColumns + ProductsFrom;

    private const string TitleOrder = "lower(p.title) COLLATE \"C\", p.title COLLATE \"C\", p.sku COLLATE \"C\"";

    public string Backend => "postgres";

    public Task<Product?> FindAsync(string idOrSku, CancellationToken cancellationToken = default) =>
        Guarded(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            return await FindAsync(connection, null, idOrSku, cancellationToken);
        });

    public Task<IReadOnlyList<ProductPrice>> GetPricesAsync(IReadOnlyCollection<string> skus, CancellationToken cancellationToken = default) =>
        Guarded<IReadOnlyList<ProductPrice>>(async () =>
        {
            // One statement for the lot, each SKU looked up on the unique index of lower(sku).
            await using var command = dataSource.CreateCommand("""
                SELECT p.sku, p.title, p.price
                FROM catalog.products p
                WHERE lower(p.sku) IN (SELECT lower(s) FROM unnest($1::text[]) AS s)
                """);
            command.Parameters.Add(new NpgsqlParameter { Value = skus.ToArray() });
            var prices = new List<ProductPrice>(skus.Count);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                prices.Add(new ProductPrice(reader.GetString(0), reader.GetString(1), reader.GetDecimal(2)));
            return prices;
        });

    public Task<CatalogPage> SearchAsync(CatalogQuery query, CancellationToken cancellationToken = default) =>
        Guarded(async () =>
        {
            var (where, parameters) = Filter(query);
            var sql = new StringBuilder(SelectProducts).Append(where).Append(" ORDER BY ").Append(OrderBy(query.Sort));
            if (query.PageSize is { } size)
                sql.Append(" LIMIT ").Append(size).Append(" OFFSET ").Append(query.Skip);

            await using var command = dataSource.CreateCommand(sql.ToString());
            command.Parameters.AddRange(parameters.ToArray());
            var items = new List<Product>();
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                    items.Add(Read(reader));
            }

            if (query.PageSize is null)
                return new CatalogPage(items, items.Count);
            await using var count = dataSource.CreateCommand("SELECT count(*) FROM catalog.products p" + where);
            count.Parameters.AddRange(Filter(query).Parameters.ToArray());
            var total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            return new CatalogPage(items, total);
        });

    public Task<Product> CreateAsync(ProductDraft draft, CancellationToken cancellationToken = default) =>
        Guarded(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var id = Guid.CreateVersion7();
            await Write(connection, transaction, """
                INSERT INTO catalog.products (id, sku, title, description, price, image_url, tags, author, isbn, published_year)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                """, id, draft, cancellationToken);
            await SetStock(connection, transaction, id, draft.Stock, cancellationToken);
            var created = await FindAsync(connection, transaction, id.ToString(), cancellationToken);
            await KeepEventAsync(connection, transaction, ProductEvents.For(ProductEvents.Created, created!), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return created!;
        }, draft.Sku);

    public Task<Product?> UpdateAsync(string idOrSku, ProductDraft draft, CancellationToken cancellationToken = default) =>
        Guarded(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            if (await FindAsync(connection, transaction, idOrSku, cancellationToken, forUpdate: true) is not { } existing)
                return null;
            await Write(connection, transaction, """
                UPDATE catalog.products
                SET sku = $2, title = $3, description = $4, price = $5, image_url = $6, tags = $7,
                    author = $8, isbn = $9, published_year = $10, updated_at = now()
                WHERE id = $1
                """, existing.Id, draft, cancellationToken);
            await SetStock(connection, transaction, existing.Id, draft.Stock, cancellationToken);
            var updated = await FindAsync(connection, transaction, existing.Id.ToString(), cancellationToken);
            await KeepEventAsync(connection, transaction, ProductEvents.For(ProductEvents.Updated, updated!), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return updated;
        }, draft.Sku);

    public bool KeepsEvents => true;

    /// <summary>The product's event, in the product's own transaction: it is published if and only if the write commits.</summary>
    private static async Task KeepEventAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, ProductEvent @event, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "INSERT INTO catalog.event_outbox (message_id, body) VALUES ($1, $2::jsonb) ON CONFLICT (message_id) DO NOTHING", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = @event.MessageId });
        command.Parameters.Add(new NpgsqlParameter { Value = System.Text.Json.JsonSerializer.Serialize(@event) });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task<bool> DeleteAsync(string idOrSku, CancellationToken cancellationToken = default) =>
        Guarded(async () =>
        {
            var byId = Guid.TryParse(idOrSku, out var id);
            await using var command = dataSource.CreateCommand(byId
                ? "DELETE FROM catalog.products WHERE id = (SELECT id FROM catalog.products WHERE id = $1 OR lower(sku) = lower($2) ORDER BY id = $1 DESC LIMIT 1)"
                : "DELETE FROM catalog.products WHERE lower(sku) = lower($2)");
            command.Parameters.Add(new NpgsqlParameter { Value = byId ? id : Guid.Empty });
            command.Parameters.Add(new NpgsqlParameter { Value = idOrSku });
            return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
        });

    public Task PingAsync(CancellationToken cancellationToken = default) =>
        Guarded(async () =>
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return true;
        });

    private static async Task<Product?> FindAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string idOrSku, CancellationToken cancellationToken, bool forUpdate = false)
    {
        // A UUID may also be a SKU; an id match wins, as the original returned the first row.
        var byId = Guid.TryParse(idOrSku, out var id);
        var sql = SelectProducts + (byId
            ? " WHERE p.id = $1 OR lower(p.sku) = lower($2) ORDER BY p.id = $1 DESC LIMIT 1"
            : " WHERE lower(p.sku) = lower($2) LIMIT 1") + (forUpdate ? " FOR UPDATE OF p" : string.Empty);
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = byId ? id : Guid.Empty });
        command.Parameters.Add(new NpgsqlParameter { Value = idOrSku });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    private static (string Where, List<NpgsqlParameter> Parameters) Filter(CatalogQuery query)
    {
        var conditions = new List<string>();
        var parameters = new List<NpgsqlParameter>();
        string Next(object value, NpgsqlDbType type)
        {
            parameters.Add(new NpgsqlParameter { Value = value, NpgsqlDbType = type });
            return "$" + parameters.Count;
        }

        // strpos matches literally, so '%' and '_' in the search text are plain characters.
        if (query.Text is { Length: > 0 } text)
        {
            var needle = Next(text.ToLowerInvariant(), NpgsqlDbType.Text);
            conditions.Add($"(strpos(p.title_key, {needle}) > 0 OR strpos(lower(p.sku), {needle}) > 0)");
        }
        // The lower-case keys stored with the row (migration 0013), as the shopper's search compares them.
        if (query.Tag is { Length: > 0 } tag)
            conditions.Add($"p.tags_key @> ARRAY[{Next(tag.ToLowerInvariant(), NpgsqlDbType.Text)}]");
        if (query.MinPrice is { } min)
            conditions.Add($"p.price >= {Next(min, NpgsqlDbType.Numeric)}");
        if (query.MaxPrice is { } max)
            conditions.Add($"p.price <= {Next(max, NpgsqlDbType.Numeric)}");
        return (conditions.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", conditions), parameters);
    }

    private static string OrderBy(CatalogSort sort) => sort switch
    {
        CatalogSort.PriceAscending => "p.price, " + TitleOrder,
        CatalogSort.PriceDescending => "p.price DESC, " + TitleOrder,
        CatalogSort.Newest => "p.published_year DESC NULLS LAST, p.created_at DESC, " + TitleOrder,
        CatalogSort.Rating => "r.rating_sum::float8 / NULLIF(r.rating_count, 0) DESC NULLS LAST, COALESCE(r.rating_count, 0) DESC, " + TitleOrder,
        _ => TitleOrder,
    };

    private static async Task Write(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, Guid id, ProductDraft d, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        command.Parameters.Add(new NpgsqlParameter { Value = d.Sku });
        command.Parameters.Add(new NpgsqlParameter { Value = d.Title });
        command.Parameters.Add(Nullable(d.Description, NpgsqlDbType.Text));
        command.Parameters.Add(new NpgsqlParameter { Value = d.Price });
        command.Parameters.Add(Nullable(d.ImageUrl, NpgsqlDbType.Text));
        command.Parameters.Add(new NpgsqlParameter { Value = d.Tags.ToArray() });
        command.Parameters.Add(Nullable(d.Author, NpgsqlDbType.Text));
        command.Parameters.Add(Nullable(d.Isbn, NpgsqlDbType.Text));
        command.Parameters.Add(Nullable(d.PublishedYear, NpgsqlDbType.Integer));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task SetStock(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid id, int stock, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO catalog.product_inventory (product_id, available) VALUES ($1, $2)
            ON CONFLICT (product_id) DO UPDATE SET available = EXCLUDED.available, updated_at = now()
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        command.Parameters.Add(new NpgsqlParameter { Value = stock });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlParameter Nullable(object? value, NpgsqlDbType type) => new() { Value = value ?? DBNull.Value, NpgsqlDbType = type };

    internal static Product Read(NpgsqlDataReader r) => new(
        r.GetGuid(0),
        r.GetString(1),
        r.GetString(2),
        r.IsDBNull(3) ? null : r.GetString(3),
        r.GetDecimal(4),
        r.IsDBNull(5) ? null : r.GetString(5),
        [.. r.GetFieldValue<string[]>(6)],
        r.GetInt32(7),
        r.IsDBNull(8) ? null : r.GetString(8),
        r.IsDBNull(9) ? null : r.GetString(9),
        r.IsDBNull(10) ? null : r.GetInt32(10),
        r.GetFieldValue<DateTimeOffset>(11),
        r.GetFieldValue<DateTimeOffset>(12));

    /// <summary>Runs a store call, turning "the database is unreachable" into <see cref="CatalogUnavailableException"/>.</summary>
    internal async Task<T> Guarded<T>(Func<Task<T>> call, string? sku = null)
    {
        try
        {
            return await call();
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation && sku is not null)
        {
            throw new DuplicateSkuException(sku);
        }
        catch (Exception ex) when (DatastoreOutage.IsOutage(ex))
        {
            LogUnavailable(ex.GetType().Name, ex.Message);
            throw new CatalogUnavailableException("the catalog store (postgres) is unavailable");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Catalog store unavailable: {ExceptionType}: {Reason}")]
    private partial void LogUnavailable(string exceptionType, string reason);
}
