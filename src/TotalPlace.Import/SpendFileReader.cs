using System.Security.Cryptography;

namespace TotalPlace.Import;

/// <summary>Reads published spend files (LGTC "over £500", central government and NHS "over £25,000") as CSV,
/// .xlsx or .xls, detected by content, with no hand editing.</summary>
public static class SpendFileReader
{
    /// <summary>Reads a whole file held in memory (web preview, small files). Never throws for bad data: problems
    /// are in <see cref="SpendFileResult.Errors"/> and valid rows are always returned, so the caller decides
    /// whether to commit (see <see cref="SpendFileResult.IsValid"/>).</summary>
    public static SpendFileResult Read(string fileName, byte[] content, SpendReadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(content);
        var opts = options ?? SpendReadOptions.Default;
        using var stream = SpendFileStream.OpenInMemory(content, fileName, opts);
        return Collect(stream, fileName, drainOnFileErrors: false, () => Convert.ToHexStringLower(SHA256.HashData(content)));
    }

    /// <summary>Reads a file from a stream in one pass, as the streaming commit does (the encoding, delimiter, header and
    /// date order decided from its first <see cref="SpendReadOptions.SniffBytes"/> bytes), collecting every accepted
    /// line: the import review's read. Never throws for bad data, like <see cref="Read(string, byte[], SpendReadOptions?)"/>.</summary>
    public static SpendFileResult Read(string fileName, Stream content, SpendReadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(content);
        var opts = options ?? SpendReadOptions.Default;
        using var stream = SpendFileStream.OpenForRead(content, fileName, opts);

        // The stream hashes as it reads, so a file refused before its lines is still read to the end for its SHA-256.
        return Collect(stream, fileName, drainOnFileErrors: true, () => stream.Sha256);
    }

    /// <summary>Reads a file from a stream in one pass exactly as <see cref="Read(string, Stream, SpendReadOptions?)"/>
    /// does, but hands each accepted line to <paramref name="onLine"/> instead of collecting it, so a caller that needs
    /// only counts, totals and the first lines (the web review's background preview) holds no more than the reader's
    /// buffers. When the file turns out to be refused whole after lines were handed over (a last line cut short, a field
    /// too large), <paramref name="onDiscard"/> is called: forget them, as <see cref="Read(string, Stream, SpendReadOptions?)"/>
    /// would return none. The result's <see cref="SpendFileResult.Transactions"/> is empty.</summary>
    public static SpendFileResult Scan(string fileName, Stream content, SpendReadOptions? options, Action<Core.Spending.Transaction> onLine, Action onDiscard)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(onLine);
        ArgumentNullException.ThrowIfNull(onDiscard);
        var opts = options ?? SpendReadOptions.Default;
        using var stream = SpendFileStream.OpenForRead(content, fileName, opts);
        return Collect(stream, fileName, drainOnFileErrors: true, () => stream.Sha256, onLine, onDiscard) with { Transactions = [] };
    }

    /// <summary>Every accepted line of <paramref name="stream"/> with what the read found; no line when the file
    /// itself is in error or was refused whole while reading (a last line cut short, a field too large).</summary>
    private static SpendFileResult Collect(SpendFileStream stream, string fileName, bool drainOnFileErrors, Func<string> sha256)
    {
        List<Core.Spending.Transaction> transactions = [];
        return Collect(stream, fileName, drainOnFileErrors, sha256, transactions.Add, transactions.Clear) with { Transactions = transactions };
    }

    /// <summary>Reads <paramref name="stream"/> to the end, handing each accepted line to <paramref name="onLine"/>
    /// and calling <paramref name="onDiscard"/> when the file is refused whole after lines were handed over.</summary>
    private static SpendFileResult Collect(SpendFileStream stream, string fileName, bool drainOnFileErrors, Func<string> sha256,
        Action<Core.Spending.Transaction> onLine, Action onDiscard)
    {
        if (stream.ErrorCount > 0)
        {
            if (drainOnFileErrors)
            {
                stream.Drain();
            }
        }
        else
        {
            foreach (var line in stream.Transactions)
            {
                onLine(line);
            }

            if (stream.IsRefusedWhole)
            {
                onDiscard();
            }
        }

        return new SpendFileResult
        {
            FileName = fileName,
            Sha256 = sha256(),
            Format = stream.Format,
            Encoding = stream.Encoding,
            Delimiter = stream.Delimiter,
            HeaderRow = stream.HeaderRow,
            Mapping = stream.Mapping,
            RowsRead = stream.RowsRead,
            RowsRejected = stream.RowsRejected,
            RowsSkipped = stream.RowsSkipped,
            Transactions = [],
            Errors = stream.Errors,
            ErrorCount = stream.ErrorCount,
            Notes = stream.Notes,
            Blocks = stream.Blocks,
            Total = stream.Total,
        };
    }

    /// <summary>Opens a file for one streaming pass (the path for very large files); see <see cref="SpendFileStream"/>.</summary>
    public static SpendFileStream Open(string path, SpendReadOptions? options = null) => SpendFileStream.Open(path, options);

    /// <summary>The lower-case hex SHA-256 of a file, for callers that need the idempotency key before reading.</summary>
    public static string ComputeSha256(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(file));
    }
}
