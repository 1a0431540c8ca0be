using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TotalPlace.Cli.Infrastructure;

namespace TotalPlace.Cli.Commands.Audit;

/// <summary><c>audit verify</c>: recomputes the audit trail's hash chain and reports the first entry that does not
/// chain (exit <see cref="ExitCodes.AuditBroken"/>), or "N entries, chain intact" and the head hash to keep elsewhere.</summary>
public sealed class AuditVerifyCommand(IAnsiConsole console, StandardStreams streams) : AsyncCommand<AuditVerifySettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, AuditVerifySettings settings, CancellationToken cancellationToken)
    {
        await using var store = await StoreConnector.OpenReadOnlyAsync(settings.StoreOrDefault, cancellationToken);
        var result = await store.Audit.VerifyAuditChainAsync(settings.ExpectHead, cancellationToken);
        foreach (var warning in result.Warnings)
        {
            await streams.Error.WriteLineAsync("warning: " + warning);
        }

        if (!result.Intact)
        {
            await streams.Error.WriteLineAsync($"error: audit chain broken at entry {result.BrokenEntryId}: {result.Problem}");
            return ExitCodes.AuditBroken;
        }

        var entries = result.Entries == 1 ? "1 entry" : $"{Formats.Count(result.Entries)} entries";
        console.WriteLine(result.HeadEntryId is null
            ? $"{entries}, chain intact"
            : $"{entries}, chain intact; head {result.Head} (entry {result.HeadEntryId})");
        return ExitCodes.Success;
    }
}

public sealed class AuditVerifySettings : StoreSettings
{
    [CommandOption("--expect-head <HASH>")]
    [Description("The head hash printed by an earlier verify and kept outside the store: fails unless the chain still ends there (catches a chain rewritten to the end, or entries removed from the end).")]
    public string? ExpectHead { get; set; }

    public override ValidationResult Validate()
    {
        if (ExpectHead is not null && !System.Text.RegularExpressions.Regex.IsMatch(ExpectHead.Trim(), "^[0-9a-fA-F]{64}$"))
        {
            return ValidationResult.Error("--expect-head must be the 64 hex digits of a head hash printed by `totalplace audit verify`.");
        }

        return base.Validate();
    }
}
