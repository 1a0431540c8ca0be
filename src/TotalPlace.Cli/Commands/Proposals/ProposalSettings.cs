using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TotalPlace.Cli.Infrastructure;

namespace TotalPlace.Cli.Commands.Proposals;

/// <summary>Settings for listing stored proposals.</summary>
public sealed class ProposalListSettings : FormattedSettings
{
    [CommandOption("-p|--place <GSSCODE>")]
    [Description("Only this place's proposals (ONS GSS code).")]
    public string? Place { get; set; }

    public override ValidationResult Validate() =>
        PlaceOption.All(base.Validate(), PlaceOption.ValidatePlace(Place, required: false));
}

/// <summary>Settings for one stored proposal, shown as figures.</summary>
public sealed class ProposalShowSettings : FormattedSettings
{
    [CommandArgument(0, "<ID>")]
    [Description("The proposal's id, as listed by `proposal list`.")]
    public string Id { get; set; } = "";

    [CommandOption("-p|--place <GSSCODE>")]
    [Description("The place the proposal belongs to (ONS GSS code).")]
    public string? Place { get; set; }

    public override ValidationResult Validate() =>
        PlaceOption.All(base.Validate(), PlaceOption.ValidatePlace(Place, required: true));
}

/// <summary>Settings for writing a stored proposal out as a proposal file.</summary>
public sealed class ProposalExportSettings : StoreSettings
{
    [CommandArgument(0, "<ID>")]
    [Description("The proposal's id, as listed by `proposal list`.")]
    public string Id { get; set; } = "";

    [CommandOption("-p|--place <GSSCODE>")]
    [Description("The place the proposal belongs to (ONS GSS code).")]
    public string? Place { get; set; }

    [CommandOption("-o|--out <PATH>")]
    [Description("Write the proposal file here; standard output when not given.")]
    public string? Out { get; set; }

    public override ValidationResult Validate() =>
        PlaceOption.All(base.Validate(), PlaceOption.ValidatePlace(Place, required: true));
}

/// <summary>Settings for saving a proposal file into the store.</summary>
public sealed class ProposalSaveSettings : StoreSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("The proposal file (JSON, docs/proposal.schema.json).")]
    public string File { get; set; } = "";

    [CommandOption("-p|--place <GSSCODE>")]
    [Description("The place the proposal belongs to (ONS GSS code).")]
    public string? Place { get; set; }

    [CommandOption("--id <ID>")]
    [Description("The proposal's id (lower-case letters, digits and dashes); made from its name when not given.")]
    public string? Id { get; set; }

    public override ValidationResult Validate() =>
        PlaceOption.All(base.Validate(), PlaceOption.ValidatePlace(Place, required: true));
}
