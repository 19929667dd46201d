using System.Collections.Immutable;
using System.Text.Json;
using K8Shop.Contracts.Catalog;
using K8Shop.Contracts.Events;
using K8Shop.Contracts.Reviews;
using K8Shop.Contracts.Storage;
using K8Shop.Grains.Reviews;
using K8Shop.Silo.Storage;
using Npgsql;
using NpgsqlTypes;

namespace K8Shop.Silo.Reviews;

/// <summary>
/// Reviews in PostgreSQL (migration 0008): each change of a book (its review, a vote, the book's row in
/// <c>catalog.book_ratings</c> and the events it causes) in one transaction. SKUs are stored as the grain's key, the
/// catalog's canonical SKU.
/// </summary>
public sealed partial class PostgresReviewStore(NpgsqlDataSource dataSource, ILogger<PostgresReviewStore> logger) : IReviewStore
{
    private const string Columns = "id, sku, user_id, reviewer, rating, text, created_at, updated_at, hidden, helpful_count";

    public string Backend => "postgres";

    public Task<BookReviewsSnapshot> LoadAsync(string sku, CancellationToken cancellationToken = default) =>
        Guarded(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            var reviews = await ReadReviewsAsync(connection, $"SELECT {Columns} FROM catalog.reviews WHERE sku = $1", [Text(sku)], cancellationToken);
            var votes = ImmutableArray.CreateBuilder<HelpfulVote>();
            await using (var command = new NpgsqlCommand(
                "SELECT v.review_id, v.user_id FROM catalog.review_helpful_votes v JOIN catalog.reviews r ON r.id = v.review_id WHERE r.sku = $1", connection))
            {
                command.Parameters.Add(Text(sku));
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                    votes.Add(new HelpfulVote(reader.GetGuid(0), reader.GetString(1)));
            }
            var events = ImmutableArray.CreateBuilder<ReviewEvent>();
            await using (var command = new NpgsqlCommand("SELECT body::text FROM catalog.review_outbox WHERE sku = $1 ORDER BY seq", connection))
            {
                command.Parameters.Add(Text(sku));
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                    events.Add(JsonSerializer.Deserialize<ReviewEvent>(reader.GetString(0))!);
            }
            return new BookReviewsSnapshot(reviews.ToImmutableArray(), votes.ToImmutable(), events.ToImmutable());
        });

    public Task SaveAsync(ReviewChange change, CancellationToken cancellationToken = default) =>
        Guarded(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            if (change.Delete is { } deleted)
                await ExecuteAsync(connection, transaction, "DELETE FROM catalog.reviews WHERE id = $1", [Uuid(deleted)], cancellationToken);
            if (change.Upsert is { } r)
            {
                await ExecuteAsync(connection, transaction, $"""
                    INSERT INTO catalog.reviews ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                    ON CONFLICT (id) DO UPDATE SET reviewer = EXCLUDED.reviewer, rating = EXCLUDED.rating, text = EXCLUDED.text,
                        updated_at = EXCLUDED.updated_at, hidden = EXCLUDED.hidden, helpful_count = EXCLUDED.helpful_count
                    """,
                    [Uuid(r.Id), Text(r.Sku), Text(r.UserId), Text(r.Reviewer), new NpgsqlParameter { Value = (short)r.Rating, NpgsqlDbType = NpgsqlDbType.Smallint },
                     Text(r.Text), Time(r.CreatedAt), Time(r.UpdatedAt), new NpgsqlParameter { Value = r.Hidden }, new NpgsqlParameter { Value = r.Helpful }],
                    cancellationToken);
            }
            if (change.Vote is { } vote)
            {
                await ExecuteAsync(connection, transaction, "INSERT INTO catalog.review_helpful_votes (review_id, user_id) VALUES ($1, $2)",
                    [Uuid(vote.ReviewId), Text(vote.UserId)], cancellationToken);
            }
            await WriteSummaryAsync(connection, transaction, change.Summary, cancellationToken);
            foreach (var @event in change.EventsOrEmpty)
            {
                await ExecuteAsync(connection, transaction, "INSERT INTO catalog.review_outbox (message_id, sku, body) VALUES ($1, $2, $3)",
                    [Text(@event.MessageId), Text(change.Sku), new NpgsqlParameter { Value = JsonSerializer.Serialize(@event), NpgsqlDbType = NpgsqlDbType.Jsonb }],
                    cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            return true;
        });

    private static Task WriteSummaryAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, BookRatingSummary summary, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction, """
            INSERT INTO catalog.book_ratings (sku, rating_count, rating_sum, stars, updated_at) VALUES ($1, $2, $3, $4, now())
            ON CONFLICT (sku) DO UPDATE SET rating_count = EXCLUDED.rating_count, rating_sum = EXCLUDED.rating_sum,
                stars = EXCLUDED.stars, updated_at = EXCLUDED.updated_at
            """,
            [Text(summary.Sku), new NpgsqlParameter { Value = summary.Count }, new NpgsqlParameter { Value = summary.Sum },
             new NpgsqlParameter { Value = summary.Stars.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer }],
            cancellationToken);

    public Task ForgetEventsAsync(string sku, IReadOnlyCollection<string> messageIds, CancellationToken cancellationToken = default) =>
        Guarded(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await ExecuteAsync(connection, null, "DELETE FROM catalog.review_outbox WHERE message_id = ANY($1)",
                [new NpgsqlParameter { Value = messageIds.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text }], cancellationToken);
            return true;
        });

    public Task<string?> FindSkuAsync(Guid reviewId, CancellationToken cancellationToken = default) =>
        Guarded(async () =>
        {
            await using var command = dataSource.CreateCommand("SELECT sku FROM catalog.reviews WHERE id = $1");
            command.Parameters.Add(Uuid(reviewId));
            return await command.ExecuteScalarAsync(cancellationToken) as string;
        });

    public Task<ReviewListPage> ListAsync(bool? hidden, int skip, int take, CancellationToken cancellationToken = default) =>
        Guarded(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            var where = hidden is null ? "" : " WHERE hidden = $1";
            NpgsqlParameter[] filter = hidden is { } h ? [new NpgsqlParameter { Value = h }] : [];
            var items = await ReadReviewsAsync(connection, $"SELECT {Columns} FROM catalog.reviews{where} ORDER BY created_at DESC, id DESC LIMIT {take} OFFSET {skip}", filter, cancellationToken);
            await using var count = new NpgsqlCommand("SELECT count(*) FROM catalog.reviews" + where, connection);
            if (hidden is { } again)
                count.Parameters.Add(new NpgsqlParameter { Value = again });
            var total = Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            return new ReviewListPage([.. items], total);
        });

    private static async Task<List<Review>> ReadReviewsAsync(NpgsqlConnection connection, string sql, NpgsqlParameter[] parameters, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(parameters);
        var reviews = new List<Review>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            reviews.Add(new Review(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt16(4), reader.GetString(5),
                reader.GetFieldValue<DateTimeOffset>(6), reader.GetFieldValue<DateTimeOffset>(7), reader.GetBoolean(8), reader.GetInt32(9)));
        }
        return reviews;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, NpgsqlParameter[] parameters, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddRange(parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlParameter Text(string value) => new() { Value = value, NpgsqlDbType = NpgsqlDbType.Text };

    private static NpgsqlParameter Uuid(Guid value) => new() { Value = value, NpgsqlDbType = NpgsqlDbType.Uuid };

    private static NpgsqlParameter Time(DateTimeOffset value) => new() { Value = value.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz };

    /// <summary>Runs a store call, turning "the database is unreachable" into <see cref="StorageUnavailableException"/> (503).</summary>
    private async Task<T> Guarded<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (DatastoreOutage.IsOutage(ex))
        {
            LogUnavailable(ex.GetType().Name, ex.Message);
            throw new StorageUnavailableException("reviews", "the reviews store (postgres) is unavailable; retry shortly");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reviews store unavailable ({ExceptionType}: {Reason})")]
    private partial void LogUnavailable(string exceptionType, string reason);
}
