using System.Globalization;
using System.Text;

namespace Ses.Documents.Pdf;

/// <summary>Builds the bytes of a content stream: operands and operators (ISO 32000-1 §7.8.2), numbers culture-invariant.</summary>
internal sealed class ContentStreamWriter(int capacity)
{
    private static ReadOnlySpan<byte> HexDigits => "0123456789ABCDEF"u8;

    private byte[] _buffer = new byte[capacity];
    private int _length;

    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    public ContentStreamWriter Raw(ReadOnlySpan<byte> text)
    {
        text.CopyTo(Room(text.Length));
        _length += text.Length;
        return this;
    }

    public ContentStreamWriter Raw(string ascii)
    {
        _length += Encoding.ASCII.GetBytes(ascii, Room(ascii.Length));
        return this;
    }

    /// <summary>A number to 1/10,000 (far below what print or screen shows), then a space.</summary>
    public ContentStreamWriter Number(double value)
    {
        var room = Room(32);
        value.TryFormat(room, out var n, "0.####", CultureInfo.InvariantCulture);
        room[n] = (byte)' ';
        _length += n + 1;
        return this;
    }

    /// <summary>A two-byte code as four hex digits (inside a hex string).</summary>
    public ContentStreamWriter Code(ushort code)
    {
        var room = Room(4);
        room[0] = HexDigits[code >> 12];
        room[1] = HexDigits[(code >> 8) & 0xF];
        room[2] = HexDigits[(code >> 4) & 0xF];
        room[3] = HexDigits[code & 0xF];
        _length += 4;
        return this;
    }

    private Span<byte> Room(int bytes)
    {
        if (_length + bytes > _buffer.Length) Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + bytes));
        return _buffer.AsSpan(_length);
    }
}
