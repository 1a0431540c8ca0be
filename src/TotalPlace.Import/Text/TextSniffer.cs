using System.Text;

namespace TotalPlace.Import.Text;

/// <summary>Decides how to decode a text file from a sample of its bytes.</summary>
internal static class TextSniffer
{
    static TextSniffer() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static void EnsureCodePages()
    {
        // The static constructor registers the legacy code pages (Windows-1252, CP850) once per process.
    }

    public static DetectedText Detect(ReadOnlySpan<byte> sample)
    {
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new DetectedText("utf-16le", new UnicodeEncoding(false, false), 2);
        }

        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new DetectedText("utf-16be", new UnicodeEncoding(true, false), 2);
        }

        var bom = sample.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        var validMultiByte = 0;
        var invalid = 0;
        var dosPound = 0;
        var windowsPound = 0;
        var boxDrawing = 0;
        var i = bom;
        while (i < sample.Length)
        {
            var b = sample[i];
            if (b < 0x80)
            {
                i++;
                continue;
            }

            var length = Utf8SequenceLength(sample[i..]);
            if (length > 0)
            {
                validMultiByte++;
                i += length;
                continue;
            }

            if (length < 0)
            {
                break; // a sequence cut off by the end of the sample
            }

            invalid++;
            var nextIsDigit = i + 1 < sample.Length && (IsDigit(sample[i + 1]) || sample[i + 1] == ' ' && i + 2 < sample.Length && IsDigit(sample[i + 2]));
            if (b == 0x9C && nextIsDigit)
            {
                dosPound++;
            }
            else if (b == 0xA3)
            {
                windowsPound++;
            }
            else if (b is >= 0xB0 and <= 0xDF)
            {
                boxDrawing++;
            }

            i++;
        }

        var dosOnly = dosPound > 0 && windowsPound == 0 && validMultiByte == 0 && boxDrawing == 0;
        var map = LegacyByteFallback.BuildMap(dosPound > 0, dosOnly);
        var encoding = (Encoding)new UTF8Encoding(false, false).Clone();
        var fallback = new LegacyByteFallback(map);
        encoding.DecoderFallback = fallback;
        var legacy = dosOnly ? "ibm850" : dosPound > 0 ? "windows-1252 with DOS £" : "windows-1252";
        var name = invalid == 0
            ? (bom > 0 ? "utf-8 (BOM)" : "utf-8")
            : validMultiByte == 0 ? legacy : $"mixed utf-8 and {legacy}";
        return new DetectedText(name, encoding, bom)
        {
            Fallback = fallback,
            LegacyName = legacy,
            SawMultiByte = validMultiByte > 0 || bom > 0,
            SawLegacy = invalid > 0,
        };
    }

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    /// <summary>Length of a valid UTF-8 sequence at the start, 0 if invalid, -1 if cut off by the end.</summary>
    private static int Utf8SequenceLength(ReadOnlySpan<byte> s)
    {
        var b = s[0];
        int length;
        if (b is >= 0xC2 and <= 0xDF)
        {
            length = 2;
        }
        else if (b is >= 0xE0 and <= 0xEF)
        {
            length = 3;
        }
        else if (b is >= 0xF0 and <= 0xF4)
        {
            length = 4;
        }
        else
        {
            return 0;
        }

        for (var k = 1; k < length; k++)
        {
            if (k >= s.Length)
            {
                return -1;
            }

            if ((s[k] & 0xC0) != 0x80)
            {
                return 0;
            }
        }

        return length;
    }
}

/// <summary>The decoding chosen for a text file.</summary>
/// <param name="Name">What was detected, for the report (e.g. "windows-1252", "mixed utf-8 and windows-1252").</param>
/// <param name="Encoding">UTF-8 with a legacy single-byte fallback, or UTF-16 when the file has that BOM.</param>
/// <param name="PreambleLength">Bytes of byte-order mark to skip.</param>
internal sealed record DetectedText(string Name, Encoding Encoding, int PreambleLength)
{
    public LegacyByteFallback? Fallback { get; init; }

    public string LegacyName { get; init; } = "windows-1252";

    public bool SawMultiByte { get; init; }

    public bool SawLegacy { get; init; }

    /// <summary>The name once the whole file has been decoded: legacy bytes found after the sample change it.</summary>
    public string FinalName => SawLegacy || Fallback is not { Used: > 0 }
        ? Name
        : SawMultiByte ? $"mixed utf-8 and {LegacyName}" : LegacyName;
}
