using System.Collections.Concurrent;
using TotalPlace.Application.Spend;
using TotalPlace.Import;
using TotalPlace.Web.Jobs;

namespace TotalPlace.Web.Imports;

/// <summary>An upload as the review page shows it: the file read in brief (counts, total, problems, the first lines)
/// and its first rows as written (for pointing at the header row).</summary>
public sealed record UploadPreview(ImportSummary Summary, RawRows Raw);

/// <summary>
/// Reads pending uploads for the import review in background jobs (lane <see cref="JobLane.Read"/>), never on a
/// request: the review page starts the read, shows its progress, and shows the preview once it is kept here. Each
/// upload keeps one preview, for the mapping it was read with; a new mapping starts a new read.
/// </summary>
/// <remarks>What is kept is a summary (<see cref="ImportSummary"/>: the first lines, not every line), so memory does
/// not grow with the size of the files; at most <see cref="MaxKept"/> previews are kept, the oldest forgotten first
/// (its page reads it again when asked). The job belongs to whoever opened the review (the uploader, or an
/// administrator): the same rule as the upload itself and the commit job.</remarks>
public sealed class UploadPreviews(JobQueue jobs, TimeProvider clock)
{
    /// <summary>The most previews kept at once.</summary>
    public const int MaxKept = 200;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>The preview of <paramref name="upload"/> as it is now (its current mapping and period), or null while
    /// it has not been read.</summary>
    public UploadPreview? Ready(PendingUpload upload)
    {
        ArgumentNullException.ThrowIfNull(upload);
        return _entries.TryGetValue(upload.Id, out var entry) && entry.Key == KeyOf(upload) ? entry.Preview : null;
    }

    /// <summary>The job reading <paramref name="upload"/> as it is now: the one already started for it, or a new one
    /// queued with <paramref name="read"/>. A failed read is not started again by itself (its page says why).</summary>
    public JobInfo Start(PendingUpload upload, Func<IProgress<ImportProgress>, CancellationToken, Task<UploadPreview>> read)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(read);
        var key = KeyOf(upload);
        lock (_entries)
        {
            if (_entries.TryGetValue(upload.Id, out var existing) && existing.Key == key && jobs.Find(existing.JobId) is { } running)
            {
                return running;
            }

            Trim();
            JobInfo? job = null;
            job = jobs.Enqueue(
                $"Read {upload.FileName}",
                async (progress, cancellationToken) =>
                {
                    var preview = await read(new Progress(progress), cancellationToken);
                    _entries.AddOrUpdate(
                        upload.Id,
                        _ => throw new InvalidOperationException("The upload was forgotten while it was read."),
                        (_, entry) => entry.Key == key && entry.JobId == job!.Id ? entry with { Preview = preview } : entry);
                    var summary = preview.Summary;
                    return new JobOutcome(
                        $"Read {upload.FileName}: {summary.RowsRead:N0} rows, {summary.AcceptedCount:N0} valid, {Dashboard.Labels.Count(summary.ErrorCount, "problem")}.",
                        $"/Import/Review?id={upload.Id}");
                },
                JobLane.Read);
            _entries[upload.Id] = new Entry(key, job.Id, null, clock.GetUtcNow());
            return job;
        }
    }

    /// <summary>Forgets the preview of an upload that was committed or cancelled.</summary>
    public void Forget(string? uploadId)
    {
        if (uploadId is not null)
        {
            _entries.TryRemove(uploadId, out _);
        }
    }

    /// <summary>What makes two reads of one upload differ: the mapping and the period it is read with.</summary>
    private static string KeyOf(PendingUpload upload) => (upload.MappingJson ?? string.Empty) + "\n" + (upload.Period ?? string.Empty);

    private void Trim()
    {
        while (_entries.Count >= MaxKept && _entries.MinBy(e => e.Value.Started) is { Key: { } oldest })
        {
            _entries.TryRemove(oldest, out _);
        }
    }

    private sealed record Entry(string Key, string JobId, UploadPreview? Preview, DateTimeOffset Started);

    /// <summary>Carries the reader's progress to the job's.</summary>
    private sealed class Progress(IProgress<(double Fraction, string Message)> job) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => job.Report((value.Fraction, value.Stage));
    }
}
