namespace TotalPlace.Import;

/// <summary>Thrown when a file with errors is committed without permission to load only its valid rows, so that the
/// store rolls the whole batch back. Carries every error found (up to the report limit) as data.</summary>
public sealed class ImportRejectedException : Exception
{
    public ImportRejectedException(string fileName, IReadOnlyList<ImportError> errors, int errorCount)
        : base(BuildMessage(fileName, errors, errorCount))
    {
        ArgumentNullException.ThrowIfNull(errors);
        FileName = fileName;
        Errors = errors;
        ErrorCount = Math.Max(errorCount, errors.Count);
        Data["File"] = fileName;
        Data["ErrorCount"] = ErrorCount;
        if (errors.Count > 0)
        {
            Data["Row"] = errors[0].Row;
            Data["Column"] = errors[0].Column;
            Data["Value"] = errors[0].Value;
        }
    }

    public ImportRejectedException()
        : this(string.Empty, [], 0)
    {
    }

    public ImportRejectedException(string message)
        : base(message)
    {
        FileName = string.Empty;
        Errors = [];
    }

    public ImportRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
        FileName = string.Empty;
        Errors = [];
    }

    /// <summary>The rejected file's name.</summary>
    public string FileName { get; }

    /// <summary>The errors found, in file order (at most <see cref="SpendReadOptions.MaxErrors"/>).</summary>
    public IReadOnlyList<ImportError> Errors { get; }

    /// <summary>How many errors were found in all, including any beyond the report limit.</summary>
    public int ErrorCount { get; }

    private static string BuildMessage(string fileName, IReadOnlyList<ImportError> errors, int errorCount)
    {
        var count = Math.Max(errorCount, errors?.Count ?? 0);
        var first = errors is { Count: > 0 } ? $"; first: {errors[0]}" : string.Empty;
        return $"{fileName} was rejected with {count} error{(count == 1 ? string.Empty : "s")}{first}. " +
            "Nothing was loaded; fix the file or mapping, or allow partial loading to load only the valid rows.";
    }
}
