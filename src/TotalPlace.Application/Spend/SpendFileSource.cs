namespace TotalPlace.Application.Spend;

/// <summary>A published file to import, however the host holds it: a path on disk (the CLI) or an upload kept
/// aside (the web app).</summary>
/// <param name="Name">The file name as the user knows it (no folder); errors and the batch name it.</param>
/// <param name="Length">Its size in bytes; decides whether it is read whole or streamed.</param>
/// <param name="Open">Opens the bytes from the start; called once per read.</param>
public sealed record SpendFileSource(string Name, long Length, Func<CancellationToken, Task<Stream>> Open)
{
    /// <summary>A file on disk.</summary>
    public static SpendFileSource FromPath(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var info = new FileInfo(path);
        return new SpendFileSource(
            info.Name,
            info.Length,
            _ => Task.FromResult<Stream>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan)));
    }

    /// <summary>Bytes already in memory.</summary>
    public static SpendFileSource FromBytes(string name, byte[] content)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(content);
        return new SpendFileSource(name, content.LongLength, _ => Task.FromResult<Stream>(new MemoryStream(content, writable: false)));
    }

    /// <summary>Reads the whole file.</summary>
    public async Task<byte[]> ReadAllAsync(CancellationToken cancellationToken)
    {
        await using var stream = await Open(cancellationToken);
        using var buffer = new MemoryStream(Length is > 0 and < int.MaxValue ? (int)Length : 0);
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
