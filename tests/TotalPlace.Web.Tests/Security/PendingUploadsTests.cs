using Microsoft.Extensions.Configuration;
using TotalPlace.Core.Places;
using TotalPlace.Web.Imports;

namespace TotalPlace.Web.Tests.Security;

/// <summary>Pending uploads are kept where only this user can read them, and a crashed server's are removed at the
/// next start.</summary>
[Trait("Issue", "15")]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PendingUploadsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("totalplace-pending-tests-").FullName;

    private IConfiguration Configuration => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Uploads:Folder"] = _folder }).Build();

    [Fact]
    public async Task AddAsync_File_IsReadableByItsOwnerOnly()
    {
        using var uploads = new PendingUploads(TimeProvider.System, Configuration);

        var upload = await uploads.AddAsync("spend.csv", "E10000008", "Devon County Council", AgencyKind.LocalAuthority, [1, 2, 3], "ann", TestContext.Current.CancellationToken);

        var content = Directory.EnumerateFiles(_folder, "content.bin", SearchOption.AllDirectories).Single();
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(content));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(content)!));
        Assert.Equal("ann", upload.Owner);
    }

    [Fact]
    public void Start_FolderLeftByAServerThatIsNoLongerRunning_IsRemoved()
    {
        // Process ids are below 2^22 on Linux, so this one is running nowhere.
        var abandoned = Directory.CreateDirectory(Path.Combine(_folder, "2147483600-0123456789abcdef")).FullName;
        File.WriteAllText(Path.Combine(abandoned, "content.bin"), "left behind by a crash");
        var ours = Directory.CreateDirectory(Path.Combine(_folder, $"{Environment.ProcessId}-fedcba9876543210")).FullName;

        using var uploads = new PendingUploads(TimeProvider.System, Configuration);

        Assert.False(Directory.Exists(abandoned));
        Assert.True(Directory.Exists(ours));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
