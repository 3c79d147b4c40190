using Npgsql;

namespace CdnPulse.EventStore;

/// <summary>
/// A read model built from the global event order. The daemon calls <see cref="ApplyAsync"/> with consecutive
/// batches (position order, never empty) inside the transaction that also moves the projection's checkpoint, so
/// the writes and the checkpoint commit together or not at all. The result must depend only on the events and
/// their order, not on where batches begin and end: that is what lets a rebuild reproduce it byte for byte.
/// </summary>
public interface IProjection
{
    /// <summary>The checkpoint's name; unique among projections and stable across releases.</summary>
    string Name { get; }

    Task ApplyAsync(IReadOnlyList<RecordedEvent> events, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken);

    /// <summary>Removes everything the projection wrote (called by a rebuild, in the transaction that resets the checkpoint).</summary>
    Task ClearAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken);
}
