using System.Diagnostics;

namespace CdnPulse.Hosting;

/// <summary>
/// A child process whose output lines go to an <see cref="IResourceLog"/> under the resource's name, and which
/// is stopped by PID: SIGTERM, a grace period, then SIGKILL.
/// </summary>
public sealed class ManagedProcess : IAsyncDisposable
{
    private const string SetsidPath = "/usr/bin/setsid";

    private readonly Process _process;
    private readonly TimeSpan _gracePeriod;

    private ManagedProcess(string resource, Process process, TimeSpan gracePeriod)
    {
        Resource = resource;
        _process = process;
        _gracePeriod = gracePeriod;
    }

    public string Resource { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    public static ManagedProcess Start(
        string resource,
        string fileName,
        IEnumerable<string> arguments,
        IResourceLog log,
        IReadOnlyDictionary<string, string?>? environment = null,
        string? workingDirectory = null,
        TimeSpan? gracePeriod = null)
    {
        // Each child gets its own session (setsid execs in place, so the PID stays the program's): a terminal's
        // Ctrl+C then reaches only the host, which stops services before the servers they depend on.
        var detach = File.Exists(SetsidPath);
        var startInfo = new ProcessStartInfo(detach ? SetsidPath : fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        if (detach)
        {
            startInfo.ArgumentList.Add(fileName);
        }
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                if (value is null)
                {
                    startInfo.Environment.Remove(key);
                }
                else
                {
                    startInfo.Environment[key] = value;
                }
            }
        }
        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                log.Line(resource, e.Data, isError: false);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                log.Line(resource, e.Data, isError: true);
            }
        };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new ResourceStartException(resource, $"could not start '{fileName}': {ex.Message}");
        }
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ManagedProcess(resource, process, gracePeriod ?? TimeSpan.FromSeconds(10));
    }

    /// <summary>Runs a command to completion; a non-zero exit is an error that carries its last output.</summary>
    public static async Task RunToCompletionAsync(
        string resource,
        string fileName,
        IEnumerable<string> arguments,
        IResourceLog log,
        TimeSpan timeout,
        CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string?>? environment = null,
        string? workingDirectory = null)
    {
        var recording = new RecordingResourceLog(log);
        await using var process = Start(resource, fileName, arguments, recording, environment, workingDirectory);
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await process._process.WaitForExitAsync(timeoutSource.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ResourceStartException(resource, $"did not finish within {timeout.TotalSeconds:0} s", recording.Tail(resource));
        }
        if (process._process.ExitCode != 0)
        {
            throw new ResourceStartException(resource, $"failed with exit code {process._process.ExitCode}", recording.Tail(resource));
        }
    }

    public Task WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    /// <summary>SIGTERM, wait for the grace period, then SIGKILL the process and its children.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }
        Signals.Send(_process.Id, Signals.SigTerm);
        using var grace = new CancellationTokenSource(_gracePeriod);
        try
        {
            await _process.WaitForExitAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
        }
    }

    /// <summary>SIGKILL now (crash tests, throwaway servers).</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }
}
