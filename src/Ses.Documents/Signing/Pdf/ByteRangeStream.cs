namespace Ses.Documents.Signing.Pdf;

/// <summary>
/// The bytes a signature's /ByteRange covers — the file before the /Contents hole and after it — read in order as one
/// stream, without copying them out of the file.
/// </summary>
internal sealed class ByteRangeStream(byte[] file, int holeStart, int holeEnd) : Stream
{
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => file.Length - (holeEnd - holeStart);

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        // Position p of the stream is byte p of the file before the hole, and byte p + the hole's length after it.
        var at = _position < holeStart ? (int)_position : (int)_position + (holeEnd - holeStart);
        var end = at < holeStart ? holeStart : file.Length;
        var n = Math.Min(buffer.Length, end - at);
        file.AsSpan(at, n).CopyTo(buffer);
        _position += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
