using System.Text;

namespace TotalPlace.Import.Text;

/// <summary>Decodes bytes that are not valid UTF-8 through a single-byte code page, so a file that mixes UTF-8 lines
/// with Windows-1252 or DOS lines decodes every line correctly instead of failing or producing U+FFFD.</summary>
/// <remarks>Valid UTF-8 keeps the framework's vectorised decoder; only invalid bytes reach this fallback.</remarks>
internal sealed class LegacyByteFallback : DecoderFallback
{
    private readonly char[] _map;

    public LegacyByteFallback(char[] map) => _map = map;

    public override int MaxCharCount => 4;

    /// <summary>How many invalid byte sequences have been decoded through the legacy code page so far.</summary>
    public long Used { get; private set; }

    public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer(this);

    /// <summary>The 128 characters for bytes 0x80-0xFF: Windows-1252, with 0x9C read as '£' when the file writes
    /// £ in a DOS code page (CP437/CP850), and CP850 throughout when the file is DOS only.</summary>
    public static char[] BuildMap(bool dosPound, bool dosOnly)
    {
        var encoding = Encoding.GetEncoding(dosOnly ? 850 : 1252);
        var bytes = new byte[128];
        for (var i = 0; i < 128; i++)
        {
            bytes[i] = (byte)(0x80 + i);
        }

        var map = encoding.GetChars(bytes);
        if (dosPound)
        {
            map[0x9C - 0x80] = '£';
        }

        return map;
    }

    private sealed class Buffer(LegacyByteFallback owner) : DecoderFallbackBuffer
    {
        private readonly char[] _map = owner._map;
        private readonly char[] _chars = new char[8];
        private int _count;
        private int _next;

        public override int Remaining => _count - _next;

        public override bool Fallback(byte[] bytesUnknown, int index)
        {
            _count = 0;
            _next = 0;
            owner.Used++;
            foreach (var b in bytesUnknown)
            {
                if (_count < _chars.Length)
                {
                    _chars[_count++] = b >= 0x80 ? _map[b - 0x80] : (char)b;
                }
            }

            return _count > 0;
        }

        public override char GetNextChar() => _next < _count ? _chars[_next++] : '\0';

        public override bool MovePrevious()
        {
            if (_next == 0)
            {
                return false;
            }

            _next--;
            return true;
        }

        public override void Reset()
        {
            _count = 0;
            _next = 0;
        }
    }
}
