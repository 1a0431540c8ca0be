using Spectre.Console;
using TotalPlace.Core;
using TotalPlace.Core.Places;

namespace TotalPlace.Cli.Infrastructure;

/// <summary>Validation shared by verbs that take a place code or a fiscal year.</summary>
internal static class PlaceOption
{
    public static ValidationResult ValidatePlace(string? code, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return required
                ? ValidationResult.Error("--place is required: the place's ONS GSS code, e.g. E08000003 for Manchester.")
                : ValidationResult.Success();
        }

        return Place.IsGssCode(code.Trim().ToUpperInvariant())
            ? ValidationResult.Success()
            : ValidationResult.Error($"--place '{code}' is not an ONS GSS code: a capital letter then eight digits, e.g. E08000003.");
    }

    public static string Normalise(string code) => Place.NormaliseCode(code);

    public static ValidationResult ValidateYear(string? year) =>
        year is null || FiscalYear.TryParse(year.Trim(), out _)
            ? ValidationResult.Success()
            : ValidationResult.Error($"--year '{year}' is not a financial year; write it as 2009-10.");

    public static FiscalYear? ParseYear(string? year) => year is null ? null : FiscalYear.Parse(year.Trim());

    /// <summary>Combines validation results, keeping the first error.</summary>
    public static ValidationResult All(params ValidationResult[] results) =>
        results.FirstOrDefault(r => !r.Successful) ?? ValidationResult.Success();
}
