namespace CdnPulse.Ingest.StandardLogs;

/// <summary>
/// Reads <c>\n</c>-terminated lines of bytes from a stream. A returned line stays valid until the next call. A line
/// longer than the limit comes back cut to limit + 1 bytes (so the parser rejects it as oversize) and the rest of it
/// is skipped, so a file without line breaks cannot exhaust memory.
/// </summary>
internal sealed class Utf8LineReader(Stream stream, int maxLineBytes)
{
    private readonly byte[] _buffer = new byte[Math.Max(64 * 1024, maxLineBytes + 2)];
    private int _start;
    private int _end;
    private bool _endOfStream;
    private bool _skipping;

    /// <summary>1-based number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Bytes consumed from the stream so far.</summary>
    public long BytesRead { get; private set; }

    public async ValueTask<ReadOnlyMemory<byte>?> ReadLineAsync(CancellationToken cancellationToken)
    {
        var scanFrom = _start;
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', scanFrom, _end - scanFrom);
            if (newline >= 0)
            {
                var line = _buffer.AsMemory(_start, newline - _start);
                _start = newline + 1;
                if (_skipping)
                {
                    // The tail of an oversize line already returned.
                    _skipping = false;
                    scanFrom = _start;
                    continue;
                }
                LineNumber++;
                return line;
            }
            if (!_skipping && _end - _start > maxLineBytes)
            {
                var cut = _buffer.AsMemory(_start, maxLineBytes + 1);
                _skipping = true;
                _start = _end;
                LineNumber++;
                return cut;
            }
            if (_skipping)
            {
                _start = _end;
            }
            if (_endOfStream)
            {
                if (_end > _start)
                {
                    var last = _buffer.AsMemory(_start, _end - _start);
                    _start = _end;
                    LineNumber++;
                    return last;
                }
                return null;
            }
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }
            scanFrom = _end;
            var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
            BytesRead += read;
            if (read == 0)
            {
                _endOfStream = true;
            }
            _end += read;
        }
    }
}
