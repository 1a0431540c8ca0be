using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TotalPlace.Cli.Infrastructure;
using TotalPlace.Core.Places;

namespace TotalPlace.Cli.Commands.Spend;

public sealed class ImportSettings : FormattedSettings
{
    [CommandArgument(0, "<PATH>")]
    [Description("Spend files (.csv, .xlsx, .xls) or folders of them; each file is its own atomic batch.")]
    public string[] Paths { get; set; } = [];

    [CommandOption("-p|--place <GSSCODE>")]
    [Description("The place's ONS GSS code, e.g. E08000003; created on first import with its name and population from the ONS Census 2021 list.")]
    public string? Place { get; set; }

    [CommandOption("-a|--agency <NAME>")]
    [Description("The agency whose spend the files are, e.g. \"Manchester City Council\" (not needed with --statements).")]
    public string? Agency { get; set; }

    [CommandOption("--agency-kind <KIND>")]
    [Description("The kind of agency: local-authority, nhs, police, fire-and-rescue, central-department, education, housing, third-sector or other.")]
    public string? AgencyKind { get; set; }

    [CommandOption("-m|--mapping <FILE>")]
    [Description("A JSON column mapping that overrides the guessed columns (and any mapping remembered for the agency); a file committed with it is remembered for the agency's next file with the same header.")]
    public string? Mapping { get; set; }

    [CommandOption("--allow-partial")]
    [Description("Load the valid rows of a file with errors, keeping the rejected rows and reasons in the batch report.")]
    public bool AllowPartial { get; set; }

    [CommandOption("--accept-truncated-last-line")]
    [Description("Store a CSV whose last line has no end-of-line and looks cut short (fewer fields than the header, or an open quote) as it is; without it such a file is refused whole.")]
    public bool AcceptTruncatedLastLine { get; set; }

    [CommandOption("--period <PERIOD>")]
    [Description("The period an aggregate file covers (one total per supplier, no date column): a month, e.g. 2011-01, or a fiscal year, e.g. 2023-24. Files with dates ignore it.")]
    public string? Period { get; set; }

    /// <summary>The parsed --period, or null when not given.</summary>
    public Import.SpendPeriod? ParsedPeriod => Import.SpendPeriod.TryParse(Period, out var period, out _) ? period : null;

    [CommandOption("--statements")]
    [Description("The files are spend statements (agency, theme or service, funding stream, fiscal year, amount), not transactions.")]
    public bool Statements { get; set; }

    /// <summary>The parsed --agency-kind, or null when not given.</summary>
    public AgencyKind? Kind => AgencyKind is null ? null : ParseKind(AgencyKind);

    public override ValidationResult Validate()
    {
        var kind = AgencyKind is null || ParseKind(AgencyKind) is not null
            ? ValidationResult.Success()
            : ValidationResult.Error($"--agency-kind '{AgencyKind}' is not a kind of agency; use one of {string.Join(", ", Enum.GetValues<AgencyKind>().Select(KebabName))}.");
        var agency = Statements || !string.IsNullOrWhiteSpace(Agency)
            ? ValidationResult.Success()
            : ValidationResult.Error("--agency is required: the name of the body whose spend the files are, e.g. --agency \"Devon County Council\".");
        var paths = Paths.Length > 0 ? ValidationResult.Success() : ValidationResult.Error("give at least one file or folder to import.");
        var mapping = Mapping is null || File.Exists(Mapping)
            ? ValidationResult.Success()
            : ValidationResult.Error($"--mapping file '{Mapping}' does not exist.");
        var statementMapping = !(Statements && Mapping is not null)
            ? ValidationResult.Success()
            : ValidationResult.Error("--mapping applies to spend files, not to --statements.");
        var period = Period is null || Import.SpendPeriod.TryParse(Period, out _, out var periodError)
            ? ValidationResult.Success()
            : ValidationResult.Error($"--period: {periodError}.");
        return PlaceOption.All(base.Validate(), PlaceOption.ValidatePlace(Place), paths, agency, kind, mapping, statementMapping, period);
    }

    internal static string KebabName(AgencyKind kind) =>
        string.Concat(kind.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    internal static AgencyKind? ParseKind(string text)
    {
        var squashed = new string([.. text.Where(char.IsAsciiLetter).Select(char.ToLowerInvariant)]);
        foreach (var kind in Enum.GetValues<AgencyKind>())
        {
            if (string.Equals(kind.ToString(), squashed, StringComparison.OrdinalIgnoreCase))
            {
                return kind;
            }
        }

        return squashed switch
        {
            "council" or "la" => Core.Places.AgencyKind.LocalAuthority,
            "fire" or "fireandrescueservice" => Core.Places.AgencyKind.FireAndRescue,
            "central" or "centralgovernment" or "department" => Core.Places.AgencyKind.CentralDepartment,
            "charity" or "voluntary" => Core.Places.AgencyKind.ThirdSector,
            _ => null,
        };
    }
}
