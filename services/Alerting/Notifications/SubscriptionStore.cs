using Npgsql;
using NpgsqlTypes;

namespace CdnPulse.Alerting.Notifications;

/// <summary>
/// Webhook subscriptions in <c>alerting.subscriptions</c>. The secret is stored because every delivery is signed
/// with it; it is returned once, when the subscription is created, and never logged.
/// </summary>
internal sealed class SubscriptionStore(NpgsqlDataSource dataSource)
{
    /// <summary>False when a subscription of that name exists already.</summary>
    public async Task<bool> CreateAsync(Subscription subscription, string secret, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            insert into alerting.subscriptions (name, url, secret, created_at) values ($1, $2, $3, $4)
            on conflict (name) do nothing
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = subscription.Name });
        command.Parameters.Add(new NpgsqlParameter { Value = subscription.Url });
        command.Parameters.Add(new NpgsqlParameter { Value = secret });
        command.Parameters.Add(new NpgsqlParameter { Value = subscription.CreatedAt.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<IReadOnlyList<Subscription>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select name, url, created_at from alerting.subscriptions order by name");
        var subscriptions = new List<Subscription>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            subscriptions.Add(new Subscription(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2)));
        }
        return subscriptions;
    }

    public async Task<Subscription?> GetAsync(string name, CancellationToken cancellationToken) =>
        (await GetWithSecretAsync(name, cancellationToken))?.Subscription;

    /// <summary>For signing a delivery only.</summary>
    public async Task<(Subscription Subscription, string Secret)?> GetWithSecretAsync(string name, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select name, url, created_at, secret from alerting.subscriptions where name = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        return (new Subscription(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2)), reader.GetString(3));
    }

    public async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("delete from alerting.subscriptions where name = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
