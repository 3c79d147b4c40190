using System.Net.Sockets;
using Npgsql;

namespace CdnPulse.Hosting.Tests;

public sealed class ServerLifecycleTests
{
    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token;

    [Fact]
    public async Task Postgres_accepts_queries_on_loopback_and_leaves_no_process_after_stop()
    {
        var state = RepositoryPaths.NewStateDirectory("hosting-tests");
        var server = await PostgresServer.StartAsync(state, new RecordingResourceLog(), Timeout);
        var pid = server.Pid;
        await server.CreateDatabaseAsync("probe", Timeout);
        await using (var connection = new NpgsqlConnection(server.ConnectionString("probe")))
        {
            await connection.OpenAsync(Timeout);
            await using var command = new NpgsqlCommand("select current_database() || ':' || current_setting('fsync')", connection);
            Assert.Equal("probe:off", await command.ExecuteScalarAsync(Timeout));
        }
        await server.DisposeAsync();

        Assert.False(ProcessTable.IsRunning(pid), $"postmaster {pid} still runs");
        Assert.False(await CanConnectAsync(server.Port));
        Directory.Delete(state, recursive: true);
    }

    [Fact]
    public async Task RabbitMq_accepts_amqp_and_stops_with_its_epmd()
    {
        var state = RepositoryPaths.NewStateDirectory("hosting-tests");
        var log = new RecordingResourceLog();
        var server = await RabbitMqServer.StartAsync(state, log, Timeout, management: false);
        var beam = server.BeamPid;
        Assert.NotNull(beam);
        Assert.True(await CanConnectAsync(server.AmqpPort));
        var epmd = server.EpmdPid;
        Assert.True(ProcessTable.IsRunning(epmd), "the node's epmd is not running");

        await server.DisposeAsync();

        Assert.False(ProcessTable.IsRunning(beam.Value), $"beam {beam} still runs");
        Assert.False(ProcessTable.IsRunning(epmd), $"epmd {epmd} still runs");
        Assert.False(await CanConnectAsync(server.AmqpPort));
        Directory.Delete(state, recursive: true);
    }

    [Fact]
    public async Task Kinesis_server_listens_only_while_running()
    {
        var server = await KinesisServer.StartAsync(RepositoryPaths.Root, new RecordingResourceLog(), Timeout);
        var pid = server.Pid;
        Assert.True(await CanConnectAsync(server.Port));
        await server.DisposeAsync();
        Assert.False(ProcessTable.IsRunning(pid));
        Assert.False(await CanConnectAsync(server.Port));
    }

    private static async Task<bool> CanConnectAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
