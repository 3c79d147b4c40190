using System.Buffers.Binary;
using System.IO.Compression;

namespace CdnPulse.Dashboard.Otlp;

/// <summary>
/// gRPC's length-prefixed message framing: one byte "compressed" flag, a 4-byte big-endian length, then the
/// protobuf message. A unary call carries exactly one frame each way.
/// </summary>
public static class GrpcFrame
{
    public const int HeaderLength = 5;

    public static byte[] Encode(ReadOnlySpan<byte> message)
    {
        var frame = new byte[HeaderLength + message.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)message.Length);
        message.CopyTo(frame.AsSpan(HeaderLength));
        return frame;
    }

    /// <summary>The message of a single-frame body, inflated when the frame is flagged compressed with <paramref name="encoding"/> gzip.</summary>
    /// <exception cref="InvalidDataException">The body is not exactly one well-formed frame, or uses an unsupported compression.</exception>
    public static byte[] Decode(ReadOnlySpan<byte> body, string? encoding, int maxMessageBytes)
    {
        if (body.Length < HeaderLength)
        {
            throw new InvalidDataException($"A gRPC frame needs a {HeaderLength}-byte header; the body has {body.Length} bytes.");
        }
        var compressed = body[0];
        var length = BinaryPrimitives.ReadUInt32BigEndian(body[1..]);
        if (compressed > 1 || length != body.Length - HeaderLength)
        {
            throw new InvalidDataException($"Malformed gRPC frame (flag {compressed}, length {length}, {body.Length - HeaderLength} bytes follow).");
        }
        var message = body[HeaderLength..];
        if (compressed == 0)
        {
            return message.ToArray();
        }
        if (!string.Equals(encoding, "gzip", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"Compressed frame with unsupported grpc-encoding '{encoding}'.");
        }
        using var input = new MemoryStream(message.ToArray());
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        return BodyReader.ReadBounded(gzip, maxMessageBytes);
    }
}
