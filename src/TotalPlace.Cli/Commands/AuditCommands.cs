using Spectre.Console.Cli;
using TotalPlace.Cli.Commands.Audit;
using TotalPlace.Cli.Infrastructure;

namespace TotalPlace.Cli.Commands;

/// <summary>Registers the audit verb and splits <c>--as NAME</c>, who the command line acts as for every verb's audit
/// entries, from the verbs' arguments.</summary>
internal static class AuditCommands
{
    /// <summary>The global option that names the person a command runs for (an administrator importing for a colleague,
    /// or a script run by a service account); without it the OS user name is recorded.</summary>
    public const string AsOption = "--as";

    /// <summary>Registers <c>audit</c> and <c>audit verify</c>. <c>--as NAME</c> is taken off the command line before
    /// the verbs parse it (<see cref="CliApp.TakeActor"/>).</summary>
    public static void Register(IConfigurator config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.AddBranch<StoreSettings>("audit", audit =>
        {
            audit.SetDescription("The audit trail: who imported, re-classified or edited what, when, and what changed (newest first); `audit verify` checks its hash chain. Any verb takes --as NAME to say who it runs for.");
            audit.SetDefaultCommand<AuditCommand>();
            audit.AddCommand<AuditVerifyCommand>("verify")
                .WithDescription("Recompute the audit trail's hash chain: \"N entries, chain intact\" and the head hash to keep elsewhere, or the first entry changed, deleted around or inserted (exit 6).")
                .WithExample("audit", "verify", "--store", "place.duckdb")
                .WithExample("audit", "verify", "--store", "place.duckdb", "--expect-head", "3f1c…");
            audit.AddExample("audit", "--store", "place.duckdb", "--place", "E08000003", "--since", "2026-11-01");
            audit.AddExample("audit", "--store", "place.duckdb", "--actor", "alice", "--all", "--format", "csv");
        });
    }

    /// <summary>Splits <c>--as NAME</c> / <c>--as=NAME</c> from the other arguments; a later one wins.</summary>
    internal static (string[] Remaining, string? Name) TakeActor(IReadOnlyList<string> args)
    {
        var rest = new List<string>(args.Count);
        string? name = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                rest.AddRange(args.Skip(i));
                break;
            }

            if (string.Equals(arg, AsOption, StringComparison.Ordinal) && i + 1 < args.Count && !string.IsNullOrWhiteSpace(args[i + 1]))
            {
                name = args[++i].Trim();
            }
            else if (arg.StartsWith(AsOption + "=", StringComparison.Ordinal) && arg.Length > AsOption.Length + 1)
            {
                name = arg[(AsOption.Length + 1)..].Trim();
            }
            else
            {
                rest.Add(arg);
            }
        }

        return ([.. rest], string.IsNullOrWhiteSpace(name) ? null : name);
    }
}
