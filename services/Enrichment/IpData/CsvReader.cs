using System.Text;

namespace CdnPulse.Enrichment.IpData;

/// <summary>
/// RFC 4180 reader over a file: comma-separated fields, double-quoted fields may hold commas, line breaks
/// and "" for a quote. Fields are spans into a reused buffer, valid until the next <see cref="Read"/>.
/// Blank lines are skipped; CRLF and LF both end a record.
/// </summary>
internal sealed class CsvReader : IDisposable
{
    private readonly TextReader _reader;
    private readonly string _name;
    private char[] _buffer = new char[64 * 1024];
    private int _position;
    private int _length;
    private bool _endOfFile;
    private long _nextLine = 1;
    private char[] _fields = new char[256];
    private readonly List<Range> _ranges = [];

    public CsvReader(TextReader reader, string name)
    {
        _reader = reader;
        _name = name;
    }

    public static CsvReader Open(string path) =>
        new(new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024), path);

    public int FieldCount => _ranges.Count;

    /// <summary>The line the current record starts on (1-based).</summary>
    public long LineNumber { get; private set; }

    public ReadOnlySpan<char> this[int index] => _fields.AsSpan(_ranges[index]);

    public bool Read()
    {
        while (NextRecord(out var start, out var length))
        {
            if (length > 0)
            {
                SplitFields(_buffer.AsSpan(start, length));
                return true;
            }
        }
        return false;
    }

    /// <summary>Index of the field holding <paramref name="name"/> in the current (header) record.</summary>
    public int IndexOf(string name)
    {
        for (var i = 0; i < FieldCount; i++)
        {
            if (this[i].SequenceEqual(name))
                return i;
        }
        throw Error($"the header has no '{name}' column");
    }

    public InvalidDataException Error(string problem) => new($"{_name}, line {LineNumber}: {problem}.");

    public void Dispose() => _reader.Dispose();

    // Finds the end of the next record: a line break outside quotes. A quote opens a quoted section only
    // at the start of a field (or right after a closing quote: the "" escape); a stray quote inside an
    // unquoted field is left for SplitFields to report.
    private bool NextRecord(out int start, out int length)
    {
        var offset = 0; // relative to _position, which Fill may move
        var quoted = false;
        var closedAt = -2;
        var lineBreaks = 0;
        while (true)
        {
            var found = _buffer.AsSpan(_position + offset, _length - _position - offset).IndexOfAny('"', '\n');
            if (found >= 0)
            {
                var at = offset + found;
                offset = at + 1;
                if (_buffer[_position + at] == '\n')
                {
                    if (!quoted)
                        return TakeRecord(_position + at, _position + at + 1, lineBreaks, out start, out length);
                    lineBreaks++;
                }
                else if (quoted)
                {
                    quoted = false;
                    closedAt = at;
                }
                else if (at == 0 || _buffer[_position + at - 1] == ',' || closedAt == at - 1)
                    quoted = true;
                continue;
            }
            if (_endOfFile)
            {
                if (quoted)
                {
                    LineNumber = _nextLine;
                    throw Error("a quoted field is not closed before the end of the file");
                }
                start = length = 0;
                return _position < _length && TakeRecord(_length, _length, lineBreaks, out start, out length);
            }
            Fill();
        }
    }

    private bool TakeRecord(int end, int next, int lineBreaks, out int start, out int length)
    {
        start = _position;
        length = end - _position;
        if (length > 0 && _buffer[end - 1] == '\r')
            length--;
        _position = next;
        LineNumber = _nextLine;
        _nextLine += lineBreaks + 1;
        return true;
    }

    // Moves the unread part to the front, grows the buffer when one record fills it, and reads more.
    private void Fill()
    {
        var unread = _length - _position;
        if (unread == _buffer.Length)
            Array.Resize(ref _buffer, _buffer.Length * 2);
        Array.Copy(_buffer, _position, _buffer, 0, unread);
        _position = 0;
        _length = unread;
        var read = _reader.Read(_buffer, _length, _buffer.Length - _length);
        _length += read;
        _endOfFile = read == 0;
    }

    private void SplitFields(ReadOnlySpan<char> record)
    {
        _ranges.Clear();
        if (_fields.Length < record.Length)
            _fields = new char[Math.Max(record.Length, _fields.Length * 2)];
        var output = _fields.AsSpan();
        int read = 0, written = 0;
        while (true)
        {
            var fieldStart = written;
            if (read < record.Length && record[read] == '"')
                read = CopyQuoted(record, read + 1, output, ref written);
            else
            {
                var rest = record[read..];
                var end = rest.IndexOfAny(',', '"');
                if (end >= 0 && rest[end] == '"')
                    throw Error("a quote appears inside an unquoted field");
                var field = end < 0 ? rest : rest[..end];
                field.CopyTo(output[written..]);
                written += field.Length;
                read += field.Length;
            }
            _ranges.Add(fieldStart..written);
            if (read >= record.Length)
                return;
            read++; // the comma
        }
    }

    private int CopyQuoted(ReadOnlySpan<char> record, int read, Span<char> output, ref int written)
    {
        while (true)
        {
            var quote = record[read..].IndexOf('"');
            if (quote < 0)
                throw Error("a quoted field is not closed");
            record.Slice(read, quote).CopyTo(output[written..]);
            written += quote;
            read += quote + 1;
            if (read < record.Length && record[read] == '"')
            {
                output[written++] = '"';
                read++;
                continue;
            }
            if (read < record.Length && record[read] != ',')
                throw Error("a closing quote is not followed by a comma");
            return read;
        }
    }
}
