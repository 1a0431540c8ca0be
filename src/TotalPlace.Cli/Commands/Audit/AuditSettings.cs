using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using TotalPlace.Cli.Infrastructure;

namespace TotalPlace.Cli.Commands.Audit;

public sealed class AuditSettings : FormattedSettings
{
    private static readonly string[] s_formats = ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "O"];

    [CommandOption("-p|--place <GSSCODE>")]
    [Description("Only entries about this place.")]
    public string? Place { get; set; }

    [CommandOption("--actor <NAME>")]
    [Description("Only entries by this person (case-insensitive); 'system' for work nobody was named for.")]
    public string? Actor { get; set; }

    [CommandOption("--action <ACTION>")]
    [Description("Only this action, e.g. batch.imported, place.reclassified, rule.added, offer.updated, finding.reviewed.")]
    public string? Action { get; set; }

    [CommandOption("--since <WHEN>")]
    [Description("Entries at or after this UTC date or time (2026-11-24 or 2026-11-24T09:30).")]
    public string? Since { get; set; }

    [CommandOption("--until <WHEN>")]
    [Description("Entries before this UTC date or time.")]
    public string? Until { get; set; }

    [CommandOption("-n|--limit <N>")]
    [Description("The newest N entries (default 50).")]
    [DefaultValue(50)]
    public int Limit { get; set; } = 50;

    [CommandOption("--all")]
    [Description("Every matching entry (for --format csv or json exports).")]
    public bool All { get; set; }

    public DateTimeOffset? SinceValue => Parse(Since);

    public DateTimeOffset? UntilValue => Parse(Until);

    public override ValidationResult Validate()
    {
        if (Since is not null && !TryParse(Since, out _))
        {
            return ValidationResult.Error($"--since '{Since}' is not a date or time; write it as 2026-11-24 or 2026-11-24T09:30 (UTC).");
        }

        if (Until is not null && !TryParse(Until, out _))
        {
            return ValidationResult.Error($"--until '{Until}' is not a date or time; write it as 2026-11-24 or 2026-11-24T09:30 (UTC).");
        }

        if (SinceValue is { } since && UntilValue is { } until && since > until)
        {
            return ValidationResult.Error("--since must not be after --until.");
        }

        if (Limit < 1)
        {
            return ValidationResult.Error($"--limit must be 1 or more; it was {Limit}. Use --all for every entry.");
        }

        return PlaceOption.All(base.Validate(), PlaceOption.ValidatePlace(Place, required: false));
    }

    private static DateTimeOffset? Parse(string? text) => text is not null && TryParse(text, out var value) ? value : null;

    private static bool TryParse(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParseExact(text.Trim(), s_formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
}
