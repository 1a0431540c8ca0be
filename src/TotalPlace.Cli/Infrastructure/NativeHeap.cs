using System.Runtime.InteropServices;

namespace TotalPlace.Cli.Infrastructure;

/// <summary>Asks the C library's allocator (glibc on Linux) to keep memory it has been given back for reuse, instead of
/// returning it to the kernel as soon as it is freed.</summary>
/// <remarks>
/// <para>Why: DuckDB allocates and frees blocks of a few hundred kilobytes all through a bulk load. With glibc's
/// defaults each freed block above the (moving) mmap threshold, and the heap's free top above 128 KiB, go back to the
/// kernel, and the next block is mapped afresh: a 2-million-line import took 126,000–160,000 page faults, and the two
/// threads of the load (reading, and DuckDB storing) stalled on them. Keeping the memory cut the faults by about a
/// third and the import's wall time by 0.2–0.6 s in A/B pairs (docs/performance.md).</para>
/// <para>Only the verbs that bulk-load (<c>import</c>, <c>place import</c>) ask for it, at their start: such a verb is
/// a short-lived process, so memory kept is given back when it ends, and its peak did not grow (the 2-million-line
/// import stayed at 395–447 MiB, under the 600 MB bound). The web app, which lives for days, does not do this.</para>
/// <para>An operator's own allocator settings win: with <c>GLIBC_TUNABLES</c> naming a malloc setting, or
/// <c>MALLOC_TRIM_THRESHOLD_</c> / <c>MALLOC_MMAP_THRESHOLD_</c> set, nothing is changed. Elsewhere (another C
/// library, another OS) this does nothing.</para>
/// </remarks>
internal static class NativeHeap
{
    // mallopt parameter numbers from glibc's malloc.h.
    private const int TrimThresholdParameter = -1;
    private const int MmapThresholdParameter = -3;

    // glibc refuses an mmap threshold above 32 MiB on 64-bit systems; setting any value also stops it moving.
    private const int MmapThreshold = 32 << 20;
    private const int TrimThreshold = 1 << 30;

    /// <summary>Applies the settings; returns true when the C library took both.</summary>
    public static bool KeepFreedMemoryForReuse()
    {
        if (!OperatingSystem.IsLinux() || OperatorSetTheAllocator())
        {
            return false;
        }

        try
        {
            return mallopt(MmapThresholdParameter, MmapThreshold) == 1 & mallopt(TrimThresholdParameter, TrimThreshold) == 1;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    private static bool OperatorSetTheAllocator() =>
        Environment.GetEnvironmentVariable("GLIBC_TUNABLES")?.Contains("glibc.malloc.", StringComparison.Ordinal) == true
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("MALLOC_TRIM_THRESHOLD_"))
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("MALLOC_MMAP_THRESHOLD_"));

    // DllImport rather than LibraryImport: the call has only integers, so it needs no marshalling code, and the CLI
    // project stays free of unsafe code.
    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int mallopt(int parameter, int value);
}
