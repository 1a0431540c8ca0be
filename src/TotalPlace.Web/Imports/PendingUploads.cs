using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace TotalPlace.Web.Imports;

/// <summary>
/// Keeps uploaded files server-side, under random ids in a folder only this user can read, between upload and commit.
/// </summary>
/// <remarks>The browser only ever holds the id, which must be 32 lowercase hex digits; the folder and file names
/// are ours, so no name or path a user sends reaches the file system. Uploads left for longer than
/// <see cref="Lifetime"/> are deleted, and so, at start, are the folders of servers that stopped without cleaning up.</remarks>
public sealed partial class PendingUploads : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(4);

    private readonly string _root;
    private readonly TimeProvider _clock;

    public PendingUploads(TimeProvider clock, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _clock = clock;
        var parent = FolderFrom(configuration);
        RemoveAbandoned(parent);
        _root = Path.Combine(parent, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)));
        CreatePrivateFolder(_root);
    }

    /// <summary>The folder that holds every server's pending uploads: <c>Uploads:Folder</c>, else the user's own
    /// application-data folder (never the shared temp folder, where other local users could read them).</summary>
    public static string FolderFrom(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration["Uploads:Folder"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        var data = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        return Path.Combine(string.IsNullOrEmpty(data) ? Path.GetTempPath() : data, "TotalPlace", "pending-uploads");
    }

    // Owner-only (0700 folders, 0600 files) on Unix; on Windows the user's profile folder is already private.
    private static void CreatePrivateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private static FileStreamOptions PrivateFile()
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return options;
    }

    /// <summary>Deletes the folders of servers that are no longer running (a crash leaves its uploads behind); each
    /// server's folder starts with its process id.</summary>
    private static void RemoveAbandoned(string parent)
    {
        CreatePrivateFolder(parent);
        foreach (var folder in Directory.EnumerateDirectories(parent))
        {
            var name = Path.GetFileName(folder);
            var dash = name.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0 && int.TryParse(name.AsSpan(0, dash), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid) && !IsRunning(pid))
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                    // Still in use after all; the next start tries again.
                }
            }
        }
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Stores an upload and returns its pending record.</summary>
    public async Task<PendingUpload> AddAsync(
        string fileName, string placeCode, string agency, Core.Places.AgencyKind kind, byte[] content, string? owner, CancellationToken cancellationToken, string? period = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        RemoveExpired();
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var upload = new PendingUpload(
            id, SafeName(fileName), placeCode, agency, kind, UploadSniffer.Detect(content), content.LongLength, _clock.GetUtcNow(), Owner: owner, Period: period);
        var folder = Path.Combine(_root, id);
        CreatePrivateFolder(folder);
        await using (var file = new FileStream(Path.Combine(folder, "content.bin"), PrivateFile()))
        {
            await file.WriteAsync(content, cancellationToken);
        }

        await SaveAsync(upload, cancellationToken);
        return upload;
    }

    /// <summary>The pending upload with this id, or null when the id is malformed, unknown, expired or cancelled.</summary>
    public async Task<PendingUpload?> FindAsync(string? id, CancellationToken cancellationToken)
    {
        if (FolderFor(id) is not { } folder || !File.Exists(Path.Combine(folder, "upload.json")))
        {
            return null;
        }

        await using var stream = File.OpenRead(Path.Combine(folder, "upload.json"));
        var upload = await JsonSerializer.DeserializeAsync<PendingUpload>(stream, cancellationToken: cancellationToken);
        return upload is not null && _clock.GetUtcNow() - upload.UploadedAt <= Lifetime ? upload : null;
    }

    public async Task<byte[]> ReadContentAsync(PendingUpload upload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var folder = FolderFor(upload.Id) ?? throw new ArgumentException("The upload id is not one of ours.", nameof(upload));
        return await File.ReadAllBytesAsync(Path.Combine(folder, "content.bin"), cancellationToken);
    }

    /// <summary>The upload's bytes as a file the import reads in one streaming pass (opened afresh for each read).</summary>
    public Application.Spend.SpendFileSource Source(PendingUpload upload)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var folder = FolderFor(upload.Id) ?? throw new ArgumentException("The upload id is not one of ours.", nameof(upload));
        var path = Path.Combine(folder, "content.bin");
        return new Application.Spend.SpendFileSource(
            upload.FileName,
            new FileInfo(path).Length,
            _ => Task.FromResult<Stream>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan)));
    }

    /// <summary>Saves the upload's record (e.g. after the user edits the mapping).</summary>
    public async Task SaveAsync(PendingUpload upload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var folder = FolderFor(upload.Id) ?? throw new ArgumentException("The upload id is not one of ours.", nameof(upload));
        await using var stream = new FileStream(Path.Combine(folder, "upload.json"), PrivateFile());
        await JsonSerializer.SerializeAsync(stream, upload, cancellationToken: cancellationToken);
    }

    /// <summary>Forgets an upload: cancel, or done after commit.</summary>
    public void Remove(string? id)
    {
        if (FolderFor(id) is { } folder && Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere; the OS temp cleaner will have it.
        }
    }

    /// <summary>The file name without any folder part, for display and provenance.</summary>
    public static string SafeName(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
        name = new string([.. name.Where(c => !char.IsControl(c))]).Trim();
        return name.Length == 0 ? "upload" : name.Length > 200 ? name[..200] : name;
    }

    private string? FolderFor(string? id) => id is not null && IdPattern().IsMatch(id) ? Path.Combine(_root, id) : null;

    private void RemoveExpired()
    {
        var cutoff = _clock.GetUtcNow() - Lifetime;
        foreach (var folder in Directory.EnumerateDirectories(_root))
        {
            if (Directory.GetCreationTimeUtc(folder) < cutoff.UtcDateTime)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [GeneratedRegex("^[0-9a-f]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
