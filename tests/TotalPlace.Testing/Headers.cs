using TotalPlace.Storage;

namespace TotalPlace.Testing;

/// <summary>Batch headers for tests: a made-up file name and a SHA-256 derived from a seed, so distinct seeds are
/// distinct files and equal seeds the same file.</summary>
public static class Headers
{
    public static BatchHeader For(string placeCode, string agency, string seed, int rowsRead = 0, IReadOnlyList<BatchReject>? rejects = null) =>
        new(
            placeCode,
            agency,
            seed + ".csv",
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(seed))),
            rowsRead,
            rejects ?? [],
            "test",
            new DateTimeOffset(2025, 1, 15, 9, 30, 0, TimeSpan.Zero));
}
