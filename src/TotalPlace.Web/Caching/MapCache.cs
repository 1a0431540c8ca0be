using System.Collections.Concurrent;
using System.Globalization;
using TotalPlace.Storage;
using TotalPlace.Storage.DuckDb;

namespace TotalPlace.Web.Caching;

/// <summary>
/// Keeps what is built from a place's map (the dashboard) per place, key (e.g. the year) and store version, so a
/// dashboard over millions of lines is aggregated once per change of the data rather than once per request.
/// </summary>
/// <remarks>
/// <para>The store version of a place is checked on every call. On the embedded engine it is first the database
/// file's and its write-ahead log's size and modification time (two file-system stats, microseconds): every
/// committed write changes them, from this process or any other. While they changed less than
/// <see cref="SettleTime"/> ago (a commit may be written but not yet visible), the version also holds what the
/// store says: the place's import batches (count, newest id, rows, total) and its population, two small queries.
/// The server engine always asks the store. A generation that <see cref="Invalidate"/> bumps is part of it too.</para>
/// <para>Concurrent misses for one key share one build (a <see cref="Lazy{T}"/> task), so a burst of requests after
/// an import aggregates the lines once. A build that fails is forgotten, so the next request tries again.</para>
/// </remarks>
public sealed class MapCache(IPlaceStore store)
{
    /// <summary>How long after the store's files last changed the file stamp alone is trusted as the version.</summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(2);

    private readonly string? _file = store is DuckDbPlaceStore duckDb ? duckDb.Path : null;

    /// <summary>False when the environment variable TOTALPLACE_NO_MAP_CACHE is set: every call builds, for the
    /// benchmark's uncached baseline.</summary>
    public static bool Enabled { get; } = string.IsNullOrEmpty(Environment.GetEnvironmentVariable("TOTALPLACE_NO_MAP_CACHE"));
    /// <summary>Entries kept at most; past it the cache starts again (a few places × years fit many times over).</summary>
    public const int MaxEntries = 512;

    private readonly ConcurrentDictionary<string, Lazy<Task<object?>>> _entries = new(StringComparer.Ordinal);
    private long _generation;
    private long _builds;

    /// <summary>How many times a value was built rather than served from the cache (for tests and benchmarks).</summary>
    public long Builds => Interlocked.Read(ref _builds);

    /// <summary>Forgets everything: for writes that leave no import batch behind.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }

    /// <summary>The value for (place, key) at the store's current version, built by <paramref name="build"/> on a miss.</summary>
    public async Task<T> GetOrBuildAsync<T>(string placeCode, string key, Func<CancellationToken, Task<T>> build, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(placeCode);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(build);
        if (!Enabled)
        {
            Interlocked.Increment(ref _builds);
            return await build(cancellationToken);
        }

        var place = placeCode.Trim().ToUpperInvariant();
        var prefix = place + "|";
        var version = await VersionAsync(place, cancellationToken);
        var entryKey = string.Create(CultureInfo.InvariantCulture, $"{prefix}{version}|{typeof(T).FullName}|{key}");
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        var entry = _entries.GetOrAdd(entryKey, _ => new Lazy<Task<object?>>(async () =>
        {
            // A shared build must not stop because the request that started it went away.
            Interlocked.Increment(ref _builds);
            var value = await build(CancellationToken.None);
            return value;
        }));
        try
        {
            var value = (T)(await entry.Value.WaitAsync(cancellationToken))!;
            ForgetOlderVersions(prefix, version);
            return value;
        }
        catch (Exception) when (entry.Value.IsFaulted || entry.Value.IsCanceled)
        {
            _entries.TryRemove(new KeyValuePair<string, Lazy<Task<object?>>>(entryKey, entry));
            throw;
        }
    }

    private async Task<string> VersionAsync(string place, CancellationToken cancellationToken)
    {
        var generation = Interlocked.Read(ref _generation);
        var files = FileStamp();
        if (files is { } stamp && DateTime.UtcNow - stamp.Newest > SettleTime)
        {
            return string.Create(CultureInfo.InvariantCulture, $"g{generation}:f{stamp.Stamp}");
        }

        var batches = await store.ListBatchesAsync(place, cancellationToken);
        var found = await store.FindPlaceAsync(place, cancellationToken);
        var population = found is null ? 0 : found.Population.Aggregate(17L, (h, p) => unchecked((h * 31) + p.Key.GetHashCode() + (p.Value * 7)));
        return string.Create(CultureInfo.InvariantCulture,
            $"g{generation}:f{files?.Stamp}:b{batches.Count}:{(batches.Count == 0 ? 0 : batches.Max(b => b.Id))}:{batches.Sum(b => (long)b.RowsLoaded)}:{batches.Sum(b => b.Total)}:p{population}");
    }

    private (string Stamp, DateTime Newest)? FileStamp()
    {
        if (_file is null)
        {
            return null;
        }

        var database = new FileInfo(_file);
        var log = new FileInfo(_file + ".wal");
        if (!database.Exists)
        {
            return null;
        }

        var logTime = log.Exists ? log.LastWriteTimeUtc : DateTime.MinValue;
        var newest = database.LastWriteTimeUtc > logTime ? database.LastWriteTimeUtc : logTime;
        return (string.Create(CultureInfo.InvariantCulture, $"{database.Length}.{database.LastWriteTimeUtc.Ticks}.{(log.Exists ? log.Length : -1)}.{logTime.Ticks}"), newest);
    }

    private void ForgetOlderVersions(string prefix, string version)
    {
        var current = prefix + version + "|";
        foreach (var key in _entries.Keys)
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal) && !key.StartsWith(current, StringComparison.Ordinal))
            {
                _entries.TryRemove(key, out _);
            }
        }
    }
}
