namespace TotalPlace.Core.Appraisal;

/// <summary>Reads the reference data shipped as manifest resources under Data/ucd.</summary>
internal static class EmbeddedData
{
    public static string ReadText(string fileName)
    {
        var assembly = typeof(EmbeddedData).Assembly;
        var name = assembly.GetManifestResourceNames()
            .FirstOrDefault(n => n.EndsWith("ucd/" + fileName, StringComparison.Ordinal) ||
                                 n.EndsWith("ucd." + fileName, StringComparison.Ordinal) ||
                                 n.EndsWith("ucd\\" + fileName, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"embedded resource {fileName} is missing from TotalPlace.Core");
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
