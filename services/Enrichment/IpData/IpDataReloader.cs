using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace CdnPulse.Enrichment.IpData;

/// <summary>
/// Loads the IP data before the host starts serving, then reloads it when the files change: a file-system
/// watcher for speed, a periodic comparison of sizes and write times for when watching is impossible or
/// misses a change (npm ci replaces whole folders). A failed reload keeps the previous snapshot.
/// </summary>
internal sealed class IpDataReloader(IOptions<IpDataOptions> options, IpLocationProvider provider, ILogger<IpDataReloader> logger)
    : BackgroundService
{
    private readonly IpDataOptions _options = options.Value;
    private readonly Channel<bool> _changes = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private string _folder = "";
    private string _attempted = "";
    private FileSystemWatcher? _watcher;
    private volatile bool _rewatch;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        _folder = _options.ResolveFolder() ?? throw new DirectoryNotFoundException(IpDataOptions.NoDefaultFolderMessage());
        // Lookups must never answer from the empty snapshot, and broken data should stop the start.
        if (await TryLoadAsync(cancellationToken).ConfigureAwait(false) is { } error)
            throw new InvalidOperationException($"Loading IP data from '{_folder}' failed: {error.Message}", error);
        Watch();
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                var changed = await WaitForChangeAsync(_options.ReloadInterval, stoppingToken).ConfigureAwait(false);
                if (changed)
                {
                    // Copies and installs write in bursts: read only once the folder has been quiet for a moment.
                    while (await WaitForChangeAsync(_options.ReloadDebounce, stoppingToken).ConfigureAwait(false))
                    {
                    }
                }
                if (_rewatch || _watcher is null)
                    Watch();
                // A watcher event always reloads (a same-size rewrite can keep a coarse write time);
                // the periodic check reloads only when sizes or write times differ from the last attempt.
                if (changed || IpDataFiles.Fingerprint(_folder) != _attempted)
                {
                    IpDataLog.FilesChanged(logger, _folder);
                    // npm ci deletes and recreates the package folders, which a watcher does not follow.
                    if (await TryLoadAsync(stoppingToken).ConfigureAwait(false) is null)
                        Watch();
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override void Dispose()
    {
        _watcher?.Dispose();
        base.Dispose();
    }

    private async Task<Exception?> TryLoadAsync(CancellationToken cancellationToken)
    {
        // Taken before reading: a change during the load shows up as a new fingerprint and loads again.
        _attempted = IpDataFiles.Fingerprint(_folder);
        try
        {
            var stopwatch = Stopwatch.StartNew();
            var database = await IpLocationLoader.LoadAsync(_folder, cancellationToken).ConfigureAwait(false);
            provider.Publish(database);
            IpDataLog.Loaded(logger, stopwatch.ElapsedMilliseconds, database);
            if (database.OverlappingRanges > 0)
                IpDataLog.OverlappingRanges(logger, database.OverlappingRanges, database.Source);
            return null;
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            provider.RecordFailure(error);
            IpDataLog.ReloadFailed(logger, error, _folder, provider.Current.Source);
            return error;
        }
    }

    private async Task<bool> WaitForChangeAsync(TimeSpan timeout, CancellationToken stoppingToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timer.CancelAfter(timeout);
        try
        {
            await _changes.Reader.WaitToReadAsync(timer.Token).ConfigureAwait(false);
            _changes.Reader.TryRead(out _);
            return true;
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private void Watch()
    {
        _rewatch = false;
        _watcher?.Dispose();
        _watcher = null;
        try
        {
            var watcher = new FileSystemWatcher(_folder)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            watcher.Changed += (_, _) => _changes.Writer.TryWrite(true);
            watcher.Created += (_, _) => _changes.Writer.TryWrite(true);
            watcher.Deleted += (_, _) => _changes.Writer.TryWrite(true);
            watcher.Renamed += (_, _) => _changes.Writer.TryWrite(true);
            watcher.Error += (_, _) =>
            {
                _rewatch = true;
                _changes.Writer.TryWrite(true);
            };
            watcher.EnableRaisingEvents = true;
            _watcher = watcher;
        }
        catch (Exception error) when (error is IOException or ArgumentException or PlatformNotSupportedException or UnauthorizedAccessException)
        {
            IpDataLog.WatchFailed(logger, error, _folder, _options.ReloadInterval);
        }
    }
}
