using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace TotalPlace.Cli.Infrastructure;

/// <summary>Settings shared by every verb that works on a store.</summary>
public class StoreSettings : CommandSettings
{
    /// <summary>The environment variable that names the store when --store is not given.</summary>
    public const string StoreVariable = "TOTALPLACE_STORE";

    [CommandOption("-s|--store <STORE>")]
    [Description("The store: a DuckDB file path, or a PostgreSQL connection string (postgres://… or Host=…). Defaults to $TOTALPLACE_STORE, else totalplace.duckdb in the current folder.")]
    public string? Store { get; set; }

    /// <summary>The store named on the command line, in the environment, or the default file.</summary>
    public string StoreOrDefault =>
        !string.IsNullOrWhiteSpace(Store) ? Store.Trim()
        : Environment.GetEnvironmentVariable(StoreVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
        : "totalplace.duckdb";

    public override ValidationResult Validate()
    {
        if (Store is not null && string.IsNullOrWhiteSpace(Store))
        {
            return ValidationResult.Error("--store must name a DuckDB file or a PostgreSQL connection string; it was empty.");
        }

        return ValidationResult.Success();
    }
}
