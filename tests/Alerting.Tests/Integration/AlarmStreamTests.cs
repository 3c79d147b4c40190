using System.Diagnostics.Metrics;
using System.Text.Json;
using CdnPulse.Alerting.Alarms;
using CdnPulse.Alerting.Evaluation;
using CdnPulse.Alerting.Notifications;
using CdnPulse.Alerting.Projections;
using CdnPulse.Contracts;
using CdnPulse.EventStore;
using CdnPulse.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CdnPulse.Alerting.Tests.Integration;

/// <summary>
/// Alarms as event streams on a real database: the commands, both projections (run by real projection daemons),
/// evaluation over the real minute tables, and the outbox rows a state change writes.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class AlarmStreamTests(PostgresFixture postgres) : IAsyncLifetime
{
    private const string Domain = "stream.example.com";
    private static readonly DateTimeOffset Minute = new(2026, 1, 15, 10, 2, 0, TimeSpan.Zero);

    private readonly CancellationTokenSource _stop = new();
    private readonly ServiceProvider _meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private AlertingTelemetry _telemetry = null!;
    private readonly List<Task> _daemons = [];
    private readonly FixedTimeProvider _time = new(Minute.AddSeconds(90));
    private NpgsqlDataSource _dataSource = null!;
    private EventStore.EventStore _store = null!;
    private AlarmReadModel _alarms = null!;
    private AlarmCommands _commands = null!;
    private EvaluationQueue _queue = null!;
    private AlarmEvaluationRunner _runner = null!;
    private StateChangeRecorder _recorder = null!;
    private ProjectionCheckpoints _checkpoints = null!;

    public async Task InitializeAsync()
    {
        _dataSource = await postgres.CreateDatabaseAsync();
        _store = new EventStore.EventStore(_dataSource);
        var options = new ProjectionDaemonOptions { PollInterval = TimeSpan.FromMilliseconds(100) };
        foreach (IProjection projection in new IProjection[] { new AlarmsProjection(), new AlarmHistoryProjection(), new MinuteStatsProjection() })
        {
            _daemons.Add(new ProjectionDaemon(_store, projection, options, NullLogger.Instance).RunAsync(_stop.Token));
        }
        _alarms = new AlarmReadModel(_dataSource);
        _queue = new EvaluationQueue();
        _checkpoints = new ProjectionCheckpoints(_dataSource, _time);
        _commands = new AlarmCommands(_store, _alarms, _checkpoints, _queue, _time);
        _recorder = new StateChangeRecorder(_dataSource, _store, new BusOutboxSignal(), new DeliveryOutboxSignal(), NullLogger<StateChangeRecorder>.Instance);
        _telemetry = new AlertingTelemetry(_meters.GetRequiredService<IMeterFactory>());
        _runner = new AlarmEvaluationRunner(_alarms, new MinuteStatsReader(_dataSource), _recorder, _telemetry, _time, NullLogger<AlarmEvaluationRunner>.Instance);
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_daemons);
        await _dataSource.DisposeAsync();
        _stop.Dispose();
        _telemetry.Dispose();
        await _meters.DisposeAsync();
    }

    [Fact]
    public async Task Put_update_delete_and_recreate_append_to_one_stream_that_both_projections_show()
    {
        var definition = Definition("stream-alarm");

        var (created, row) = await _commands.PutAsync(definition, CancellationToken.None);
        Assert.True(created);
        Assert.Equal((1L, AlarmStateValue.InsufficientData, AlarmCreated.InitialReason), (row.Version, row.State, row.StateReason));
        Assert.True(_queue.Reader.TryRead(out var request));
        Assert.Equal("stream-alarm", request.AlarmName);

        var (createdAgain, updated) = await _commands.PutAsync(definition with { Threshold = 35 }, CancellationToken.None);
        Assert.False(createdAgain);
        Assert.Equal((2L, 35.0), (updated.Version, updated.Definition.Threshold));

        Assert.True(await _commands.DeleteAsync("stream-alarm", CancellationToken.None));
        Assert.True((await _alarms.GetAsync("stream-alarm", CancellationToken.None))!.Deleted);
        Assert.False(await _commands.DeleteAsync("stream-alarm", CancellationToken.None));
        Assert.Empty(await _alarms.DescribeAsync(new AlarmQuery([], "stream", null, null, 10, null), CancellationToken.None));

        var (recreated, again) = await _commands.PutAsync(definition, CancellationToken.None);
        Assert.True(recreated);
        Assert.Equal(4L, again.Version);

        Assert.Single(await _alarms.DescribeAsync(new AlarmQuery([], null, AlarmStateValue.InsufficientData, "ops-o", 10, null), CancellationToken.None));
        Assert.Empty(await _alarms.DescribeAsync(new AlarmQuery([], null, null, "pager", 10, null), CancellationToken.None));
        Assert.Empty(await _alarms.DescribeAsync(new AlarmQuery(["stream-alarm"], null, AlarmStateValue.Alarm, null, 10, null), CancellationToken.None));

        var events = await _store.ReadStreamAsync(AlarmStream.Id("stream-alarm"), 1, CancellationToken.None);
        Assert.Equal([AlarmCreated.EventType, AlarmUpdated.EventType, AlarmDeleted.EventType, AlarmCreated.EventType], events.Select(e => e.Type));
        var history = await HistoryAsync("stream-alarm", 4);
        Assert.Equal(["Alarm \"stream-alarm\" created", "Alarm \"stream-alarm\" updated", "Alarm \"stream-alarm\" deleted", "Alarm \"stream-alarm\" created"],
            history.Select(h => h.HistorySummary));
        Assert.All(history, h => Assert.Equal(AlarmHistoryProjection.ConfigurationUpdate, h.HistoryItemType));
        Assert.Equal(35.0, JsonDocument.Parse(history[1].HistoryData).RootElement.GetProperty("updatedAlarm").GetProperty("threshold").GetDouble());
    }

    [Fact]
    public async Task A_state_change_is_recorded_with_its_reason_bus_message_and_deliveries_and_late_data_reverses_it()
    {
        var (_, alarm) = await _commands.PutAsync(Definition("rate-alarm"), CancellationToken.None);

        // 5 of 10 requests are 5xx in the last complete minute: 50 % > 20 %.
        await ContributeAsync(Minute, requests: 10, errors: 5);
        Assert.Equal(1, await _runner.EvaluateAsync(null, null, CancellationToken.None));
        var alarmed = await UntilStateAsync("rate-alarm", AlarmStateValue.Alarm);
        Assert.Equal("Threshold Crossed: 1 out of the last 1 datapoints [50.0 (15/01/26 10:02:00)] was greater than the threshold (20.0) "
                     + "(minimum 1 datapoint for INSUFFICIENT_DATA -> ALARM transition).", alarmed.StateReason);
        Assert.Equal(0, await _runner.EvaluateAsync(null, null, CancellationToken.None));

        var message = JsonSerializer.Deserialize<AlarmStateChanged>(await ScalarAsync<string>(
            "select message from alerting.bus_outbox where stream_id = 'alarm:rate-alarm' and version = 2"), AlertingJson.Options)!;
        Assert.Equal(("alarm:rate-alarm/2", "INSUFFICIENT_DATA", "ALARM", Domain), (message.IdempotencyKey, message.OldStateValue, message.NewStateValue, message.Dimensions["Domain"]));
        var delivery = await ScalarAsync<string>("select target || ' ' || new_state || ' ' || status from alerting.deliveries where stream_id = 'alarm:rate-alarm' and version = 2");
        Assert.Equal("ops ALARM pending", delivery);

        // Late lines for the same minute: 5 of 50 = 10 %, so the same period now says OK.
        await ContributeAsync(Minute, requests: 40, errors: 0);
        Assert.Equal(1, await _runner.EvaluateAsync([Domain], null, CancellationToken.None));
        var ok = await UntilStateAsync("rate-alarm", AlarmStateValue.Ok);
        Assert.Contains("[10.0 (15/01/26 10:02:00)] was not greater than the threshold (20.0)", ok.StateReason, StringComparison.Ordinal);
        Assert.Equal("ops-ok OK pending", await ScalarAsync<string>(
            "select target || ' ' || new_state || ' ' || status from alerting.deliveries where stream_id = 'alarm:rate-alarm' and version = 3"));
        Assert.Equal(2L, await ScalarAsync<long>("select count(*) from alerting.deliveries where stream_id = 'alarm:rate-alarm'"));
        Assert.Equal(2L, await ScalarAsync<long>("select count(*) from alerting.bus_outbox where stream_id = 'alarm:rate-alarm'"));

        // A recorder holding an old version of the alarm cannot record a change over the newer one.
        Assert.False(await _recorder.RecordAsync(alarm, AlarmStateValue.Alarm, new StateReason("stale", "{}"), _time.GetUtcNow(), CancellationToken.None));
        Assert.Equal(2L, await ScalarAsync<long>("select count(*) from alerting.bus_outbox where stream_id = 'alarm:rate-alarm'"));

        var history = await HistoryAsync("rate-alarm", 3);
        Assert.Equal(["Alarm updated from INSUFFICIENT_DATA to ALARM", "Alarm updated from ALARM to OK"],
            history.Where(h => h.HistoryItemType == AlarmHistoryProjection.StateUpdate).Select(h => h.HistorySummary));
    }

    [Fact]
    public async Task Periods_without_data_are_noticed_when_time_moves_on()
    {
        await _commands.PutAsync(Definition("quiet-alarm"), CancellationToken.None);
        await ContributeAsync(Minute, requests: 10, errors: 0);
        await _runner.EvaluateAsync(null, null, CancellationToken.None);
        await UntilStateAsync("quiet-alarm", AlarmStateValue.Ok);

        // Three minutes on, the evaluation range (3 periods) still holds the old minute: the state stays.
        _time.Now = Minute.AddMinutes(3).AddSeconds(5);
        Assert.Equal(0, await _runner.EvaluateAsync(null, null, CancellationToken.None));

        // One more minute and the range is empty: with treat missing = missing that is INSUFFICIENT_DATA.
        _time.Now = Minute.AddMinutes(4).AddSeconds(5);
        Assert.Equal(1, await _runner.EvaluateAsync(null, null, CancellationToken.None));
        var row = await UntilStateAsync("quiet-alarm", AlarmStateValue.InsufficientData);
        Assert.Equal("Insufficient Data: 1 datapoint was unknown.", row.StateReason);
    }

    [Fact]
    public async Task A_percentile_alarm_reads_the_histograms_of_the_minute_tables()
    {
        await _commands.PutAsync(Definition("p99-alarm") with
        {
            MetricName = "requestLatency",
            Statistic = null,
            ExtendedStatistic = "p99.9",
            Threshold = 500,
        }, CancellationToken.None);
        await _commands.PutAsync(Definition("ttfb-alarm") with
        {
            MetricName = "ttfbP90",
            Threshold = 100,
        }, CancellationToken.None);

        // 999 fast requests and one of 2 s: p99.9 of 1000 is rank 999, still fast (12 ms); ttfb is none.
        await ContributeAsync(Minute, requests: 1000, errors: 0, slow: 1);
        await _runner.EvaluateAsync(null, null, CancellationToken.None);
        var ok = await UntilStateAsync("p99-alarm", AlarmStateValue.Ok);
        Assert.Contains("(15/01/26 10:02:00)] was not greater than the threshold (500.0)", ok.StateReason, StringComparison.Ordinal);
        var okData = JsonDocument.Parse(ok.StateReasonData!).RootElement;
        Assert.Equal("p99.9", okData.GetProperty("statistic").GetString());
        Assert.InRange(okData.GetProperty("recentDatapoints")[0].GetDouble(), 12 - (12 / 128.0), 12 + (12 / 128.0));
        Assert.Equal(AlarmStateValue.InsufficientData, (await _alarms.GetAsync("ttfb-alarm", CancellationToken.None))!.State);

        // Late lines for the same minute: 10 more slow ones make rank 1009 of 1010 slow (2 s, within 1/128).
        await ContributeAsync(Minute, requests: 10, errors: 0, slow: 10);
        await _runner.EvaluateAsync([Domain], null, CancellationToken.None);
        var alarmed = await UntilStateAsync("p99-alarm", AlarmStateValue.Alarm);
        var value = JsonDocument.Parse(alarmed.StateReasonData!).RootElement.GetProperty("recentDatapoints")[0].GetDouble();
        Assert.InRange(value, 2000 - (2000 / 128.0), 2000 + (2000 / 128.0));
    }

    private static AlarmDefinition Definition(string name) => new()
    {
        AlarmName = name,
        MetricName = "errorRate5xx",
        Dimensions = [new AlarmDimension(AlarmDimension.Domain, Domain)],
        Statistic = AlarmStatistic.Average,
        Period = 60,
        EvaluationPeriods = 1,
        DatapointsToAlarm = 1,
        Threshold = 20,
        ComparisonOperator = ComparisonOperator.GreaterThanThreshold,
        AlarmActions = ["ops"],
        OKActions = ["ops-ok"],
    };

    /// <summary>What Aggregation appends for a window, read back by the real minute projection.</summary>
    private async Task ContributeAsync(DateTimeOffset minute, int requests, int errors, int slow = 0)
    {
        var stats = new WindowStats();
        for (var i = 0; i < requests; i++)
        {
            stats.Add(new CdnRequest(minute.AddSeconds(i % 60).ToUnixTimeMilliseconds(), "8.8.8.8", i < errors ? 503 : 200, 1000, Domain, "/",
                i >= requests - slow ? 2000 : 12,
                "Hit", "Hit", "US", null, null));
        }
        var contribution = new WindowContributed(Domain, minute, [$"test:{Guid.NewGuid()}"], new Dictionary<string, WindowStats> { ["US"] = stats });
        var result = await _store.AppendAsync(WindowContributed.StreamId(Domain, minute), ExpectedVersion.Any,
            [new EventData(WindowContributed.EventType, JsonSerializer.SerializeToElement(contribution, MetricsJson.Options), EventMetadata.Empty)],
            CancellationToken.None);
        Assert.True(await _checkpoints.WaitAsync(MinuteStatsProjection.ProjectionName, result.LastPosition, TimeSpan.FromSeconds(20), CancellationToken.None));
    }

    private Task<AlarmRow> UntilStateAsync(string name, AlarmStateValue state) =>
        Eventually.ReturnsAsync(async () => await _alarms.GetAsync(name, CancellationToken.None) is { } row && row.State == state ? row : null,
            $"alarm {name} is {state.Text()}", TimeSpan.FromSeconds(20));

    private Task<IReadOnlyList<AlarmHistoryItem>> HistoryAsync(string name, int count) =>
        Eventually.ReturnsAsync(async () =>
        {
            var items = await new AlarmHistoryReadModel(_dataSource).QueryAsync(new AlarmHistoryQuery(name, null, null, null, true, 100, null), CancellationToken.None);
            return items.Count >= count ? items : null;
        }, $"the history of {name} has {count} items", TimeSpan.FromSeconds(20));

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var command = _dataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
