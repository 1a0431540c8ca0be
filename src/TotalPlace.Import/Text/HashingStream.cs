using System.Security.Cryptography;

namespace TotalPlace.Import.Text;

/// <summary>Reads a file once while hashing it: the first bytes are buffered for sniffing and then replayed, so
/// every byte is read and hashed exactly once whether or not the stream can seek.</summary>
internal sealed class HashingStream(Stream inner, bool leaveOpen) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private byte[] _prefix = [];
    private int _prefixPosition;
    private int _prefixLength;
    private string? _sha256;

    public ReadOnlySpan<byte> Prefix => _prefix.AsSpan(0, _prefixLength);

    public bool ReachedEnd { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>Reads up to <paramref name="count"/> bytes from the start into the replay buffer.</summary>
    public void ReadPrefix(int count)
    {
        _prefix = new byte[count];
        while (_prefixLength < count)
        {
            var n = inner.Read(_prefix, _prefixLength, count - _prefixLength);
            if (n == 0)
            {
                ReachedEnd = true;
                break;
            }

            _hash.AppendData(_prefix, _prefixLength, n);
            _prefixLength += n;
        }
    }

    /// <summary>Skips bytes of the replay buffer (a byte-order mark).</summary>
    public void SkipPrefix(int count) => _prefixPosition = Math.Min(count, _prefixLength);

    public string Finish()
    {
        if (_sha256 is null)
        {
            var buffer = new byte[81920];
            while (Read(buffer, 0, buffer.Length) > 0)
            {
            }

            _sha256 = Convert.ToHexStringLower(_hash.GetHashAndReset());
        }

        return _sha256;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_prefixPosition < _prefixLength)
        {
            var n = Math.Min(buffer.Length, _prefixLength - _prefixPosition);
            _prefix.AsSpan(_prefixPosition, n).CopyTo(buffer);
            _prefixPosition += n;
            return n;
        }

        if (ReachedEnd || _sha256 is not null)
        {
            return 0;
        }

        var read = inner.Read(buffer);
        if (read == 0)
        {
            ReachedEnd = true;
        }
        else
        {
            _hash.AppendData(buffer[..read]);
        }

        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
            if (!leaveOpen)
            {
                inner.Dispose();
            }
        }

        base.Dispose(disposing);
    }
}
