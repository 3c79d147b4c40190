using System.Threading.Channels;

namespace CdnPulse.Alerting.Evaluation;

/// <summary>
/// Requests for the evaluation loop. Writers never wait (the bus consumer acknowledges at once); the loop drains
/// everything pending and evaluates each alarm once per pass, so a burst of window updates costs one pass.
/// </summary>
internal sealed class EvaluationQueue
{
    private readonly Channel<EvaluationRequest> _channel =
        Channel.CreateUnbounded<EvaluationRequest>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<EvaluationRequest> Reader => _channel.Reader;

    public void Domain(string domain, long position) => _channel.Writer.TryWrite(new EvaluationRequest(domain, null, position));

    public void Alarm(string alarmName) => _channel.Writer.TryWrite(new EvaluationRequest(null, alarmName, 0));

    public void Everything() => _channel.Writer.TryWrite(new EvaluationRequest(null, null, 0));
}
