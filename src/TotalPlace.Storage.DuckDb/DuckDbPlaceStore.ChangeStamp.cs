using System.Globalization;

namespace TotalPlace.Storage.DuckDb;

public sealed partial class DuckDbPlaceStore
{
    /// <inheritdoc/>
    /// <remarks>First the database file's and its write-ahead log's size and modification time (two file-system
    /// stats, microseconds): every committed write changes them, from this process or any other. While they changed
    /// less than <see cref="PlaceStore.ChangeStampSettleTime"/> ago (a commit may be written but not yet visible),
    /// the stamp also holds what the store says.</remarks>
    public override async Task<string> ChangeStampAsync(string placeCode, CancellationToken cancellationToken = default)
    {
        var files = FileStamp();
        if (files is { } stamp && _clock.GetUtcNow().UtcDateTime - stamp.Newest > PlaceStore.ChangeStampSettleTime)
        {
            return "f" + stamp.Stamp;
        }

        return $"f{files?.Stamp}:{await base.ChangeStampAsync(placeCode, cancellationToken)}";
    }

    private (string Stamp, DateTime Newest)? FileStamp()
    {
        var database = new FileInfo(Path);
        var log = new FileInfo(Path + ".wal");
        if (!database.Exists)
        {
            return null;
        }

        var logTime = log.Exists ? log.LastWriteTimeUtc : DateTime.MinValue;
        var newest = database.LastWriteTimeUtc > logTime ? database.LastWriteTimeUtc : logTime;
        return (string.Create(CultureInfo.InvariantCulture, $"{database.Length}.{database.LastWriteTimeUtc.Ticks}.{(log.Exists ? log.Length : -1)}.{logTime.Ticks}"), newest);
    }
}
