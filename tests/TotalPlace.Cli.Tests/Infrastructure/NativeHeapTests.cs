using TotalPlace.Cli.Infrastructure;

namespace TotalPlace.Cli.Tests.Infrastructure;

public sealed class NativeHeapTests
{
    [Fact]
    public void KeepFreedMemoryForReuse_OnLinux_IsTakenByTheCLibrary()
    {
        // glibc refuses values out of its range (an mmap threshold above 32 MiB, say) by returning 0, silently leaving
        // its defaults; this catches a setting that would quietly do nothing. The CI machine is Debian, with glibc.
        var taken = NativeHeap.KeepFreedMemoryForReuse();

        Assert.Equal(OperatingSystem.IsLinux(), taken);
    }
}
