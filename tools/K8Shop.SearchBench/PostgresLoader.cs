using Npgsql;
using NpgsqlTypes;

namespace K8Shop.SearchBench;

/// <summary>
/// Puts generated books into a database the silo already migrated: one COPY, with the per-row vocabulary and suggestion
/// trigger off (a hundred thousand of its upserts would take minutes), then the same vocabulary and keys derived in bulk
/// by set-based SQL, then the trigger on again. The search vector's own trigger stays on.
/// </summary>
public static class PostgresLoader
{
    public static async Task LoadAsync(string connectionString, IEnumerable<GeneratedBook> books)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await ExecuteAsync(connection, "ALTER TABLE catalog.products DISABLE TRIGGER products_search_terms");
        // The books come with their "in stock" copy already set, so the stock rows need not update each one.
        await ExecuteAsync(connection, "ALTER TABLE catalog.product_inventory DISABLE TRIGGER product_inventory_in_stock");
        await ExecuteAsync(connection, "CREATE TEMP TABLE loaded (id uuid PRIMARY KEY) ON COMMIT DROP");

        var ids = new List<(Guid Id, int Stock)>();
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY catalog.products (id, sku, title, description, price, tags, author, isbn, published_year, in_stock) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var book in books)
            {
                var id = Guid.CreateVersion7();
                ids.Add((id, book.Stock));
                await copy.StartRowAsync();
                await copy.WriteAsync(id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(book.Sku, NpgsqlDbType.Text);
                await copy.WriteAsync(book.Title, NpgsqlDbType.Text);
                await copy.WriteAsync(book.Description, NpgsqlDbType.Text);
                await copy.WriteAsync(book.Price, NpgsqlDbType.Numeric);
                await copy.WriteAsync(book.Tags, NpgsqlDbType.Array | NpgsqlDbType.Text);
                await copy.WriteAsync(book.Author, NpgsqlDbType.Text);
                await copy.WriteAsync(book.Isbn, NpgsqlDbType.Text);
                await copy.WriteAsync(book.PublishedYear, NpgsqlDbType.Integer);
                await copy.WriteAsync(book.Stock > 0, NpgsqlDbType.Boolean);
            }
            await copy.CompleteAsync();
        }
        await using (var copy = await connection.BeginBinaryImportAsync("COPY loaded (id) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (id, _) in ids)
                await copy.WriteRowAsync(default, id);
            await copy.CompleteAsync();
        }
        await using (var copy = await connection.BeginBinaryImportAsync("COPY catalog.product_inventory (product_id, available) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (id, stock) in ids)
                await copy.WriteRowAsync(default, id, stock);
            await copy.CompleteAsync();
        }

        await ExecuteAsync(connection, """
            INSERT INTO catalog.search_words (word, documents)
            SELECT w, count(*) FROM catalog.products p JOIN loaded l ON l.id = p.id, unnest(tsvector_to_array(p.search_vector)) w
            WHERE w ~ '^[[:alpha:]]{3,}$' GROUP BY w
            ON CONFLICT (word) DO UPDATE SET documents = catalog.search_words.documents + EXCLUDED.documents
            """);
        await ExecuteAsync(connection, """
            INSERT INTO catalog.search_title_keys (product_id, key, title, sku)
            SELECT p.id, k, p.title, p.sku FROM catalog.products p JOIN loaded l ON l.id = p.id, catalog.suggestion_keys(p.title) k
            """);
        await ExecuteAsync(connection, """
            INSERT INTO catalog.search_author_keys (key, author, books)
            SELECT k, p.author, count(*) FROM catalog.products p JOIN loaded l ON l.id = p.id, catalog.suggestion_keys(p.author) k
            WHERE p.author IS NOT NULL GROUP BY k, p.author
            ON CONFLICT (key, author) DO UPDATE SET books = catalog.search_author_keys.books + EXCLUDED.books
            """);
        await ExecuteAsync(connection, "ALTER TABLE catalog.products ENABLE TRIGGER products_search_terms");
        await ExecuteAsync(connection, "ALTER TABLE catalog.product_inventory ENABLE TRIGGER product_inventory_in_stock");
        await transaction.CommitAsync();
        await ExecuteAsync(connection, "VACUUM ANALYZE catalog.products");
        await ExecuteAsync(connection, "VACUUM ANALYZE catalog.search_words");
        await ExecuteAsync(connection, "VACUUM ANALYZE catalog.search_title_keys");
        await ExecuteAsync(connection, "VACUUM ANALYZE catalog.search_author_keys");
        await ExecuteAsync(connection, "VACUUM ANALYZE catalog.product_inventory");
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync();
    }
}
