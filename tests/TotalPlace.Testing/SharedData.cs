namespace TotalPlace.Testing;

/// <summary>Finds the project's real outside data in <c>../shared/data</c> beside the repository (found by walking up
/// from the test assembly to the folder holding TotalPlace.slnx). Outside data is never copied into the repository.</summary>
public static class SharedData
{
    /// <summary>The full path of <paramref name="relative"/> under shared/data.</summary>
    /// <exception cref="DirectoryNotFoundException">The repository root or the shared data folder cannot be found.</exception>
    public static string PathOf(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TotalPlace.slnx")))
        {
            dir = dir.Parent;
        }

        if (dir?.Parent is null)
        {
            throw new DirectoryNotFoundException($"No folder holding TotalPlace.slnx above {AppContext.BaseDirectory}.");
        }

        var data = Path.Combine(dir.Parent.FullName, "shared", "data");
        if (!Directory.Exists(data))
        {
            throw new DirectoryNotFoundException($"The shared data folder {data} is missing; the real-data tests need it.");
        }

        return Path.Combine(data, relative);
    }

    /// <summary>The Hyndburn 2023-24 place package folder.</summary>
    public static string Hyndburn => PathOf(Path.Combine("places", "hyndburn-2023-24"));
}
