using K8Shop.Grains.Catalog.Seed;
using Npgsql;
using NpgsqlTypes;

namespace K8Shop.Silo.Migrations;

/// <summary>
/// Puts the seed books into an empty or partly seeded catalog, once: a product that already has the SKU is
/// left as it is, and a product an admin deleted later does not come back on the next start.
/// </summary>
public sealed class CatalogSeedMigration : IMigration
{
    public string Id => "0002_catalog_seed";

    public async Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        const string sql = """
            WITH inserted AS (
                INSERT INTO catalog.products (id, sku, title, description, price, image_url, tags, author, isbn, published_year)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                ON CONFLICT DO NOTHING
                RETURNING id)
            INSERT INTO catalog.product_inventory (product_id, available)
            SELECT id, $11 FROM inserted
            ON CONFLICT (product_id) DO NOTHING
            """;
        var batch = new NpgsqlBatch(connection, transaction);
        foreach (var book in CatalogSeed.Load())
        {
            var command = new NpgsqlBatchCommand(sql);
            command.Parameters.Add(new NpgsqlParameter { Value = CatalogSeed.IdFor(book.Sku) });
            command.Parameters.Add(new NpgsqlParameter { Value = book.Sku });
            command.Parameters.Add(new NpgsqlParameter { Value = book.Title });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)book.Description ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { Value = book.Price });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)book.ImageUrl ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { Value = book.Tags.ToArray() });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)book.Author ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)book.Isbn ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)book.PublishedYear ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
            command.Parameters.Add(new NpgsqlParameter { Value = book.Stock });
            batch.BatchCommands.Add(command);
        }
        await using (batch)
            await batch.ExecuteNonQueryAsync(cancellationToken);
    }
}
