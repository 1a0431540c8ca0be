using System.Collections.Concurrent;
using System.Globalization;
using TotalPlace.Storage;

namespace TotalPlace.Web.Caching;

/// <summary>
/// Keeps what is built from a place's map (the dashboard) per place, key (e.g. the year) and store version, so a
/// dashboard over millions of lines is aggregated once per change of the data rather than once per request.
/// </summary>
/// <remarks>
/// <para>The store version of a place is its <see cref="IPlaceStore.ChangeStampAsync"/>, asked on every call (the
/// embedded engine answers from two file stats while its files are settled). A generation that
/// <see cref="Invalidate"/> bumps is part of it too.</para>
/// <para>Concurrent misses for one key share one build (a <see cref="Lazy{T}"/> task), so a burst of requests after
/// an import aggregates the lines once. A build that fails is forgotten, so the next request tries again.</para>
/// </remarks>
public sealed class MapCache(IPlaceStore store)
{
    /// <summary>How long after the store's files last changed the file stamp alone is trusted as the version.</summary>
    public static TimeSpan SettleTime => PlaceStore.ChangeStampSettleTime;

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
        var stamp = await store.ChangeStampAsync(place, cancellationToken);
        return string.Create(CultureInfo.InvariantCulture, $"g{generation}:{stamp}");
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
