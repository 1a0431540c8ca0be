using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TotalPlace.Cli.Infrastructure;
using TotalPlace.Storage.Identity;

namespace TotalPlace.Cli.Commands;

/// <summary>Registers the account verbs: the people who sign in to the web app in Accounts mode.</summary>
/// <remarks>The verbs live in this one file because the area owns only it; each settings and command class is nested.</remarks>
internal static class UsersCommands
{
    public static void Register(IConfigurator config)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.AddBranch("users", users =>
        {
            users.SetDescription("Accounts for the web app's Accounts mode (sign-in and roles); see docs/security.md.");
            users.AddCommand<AddCommand>("add")
                .WithDescription("Add an account, or replace one with the same name. The password is read from standard input with --password-stdin, else asked for.")
                .WithExample("users", "add", "--store", "place.duckdb", "--name", "ann", "--role", "Administrator", "--password-stdin")
                .WithExample("users", "add", "--store", "place.duckdb", "--name", "bob", "--role", "AgencyAnalyst", "--place", "E10000008", "--agency", "Devon County Council");
            users.AddCommand<ListCommand>("list")
                .WithDescription("List the accounts (names, roles, places and agencies; never passwords).");
            users.AddCommand<RemoveCommand>("remove")
                .WithDescription("Remove an account; its sign-in cookies stop working on their next request.");
        });
    }

    public sealed class AddSettings : StoreSettings
    {
        [CommandOption("-n|--name <NAME>")]
        [Description("The user name to sign in with (compared case-insensitively).")]
        public string? Name { get; set; }

        [CommandOption("-r|--role <ROLE>")]
        [Description("Administrator, AgencyAnalyst or Board.")]
        public string? Role { get; set; }

        [CommandOption("-p|--place <CODE>")]
        [Description("An agency analyst's place (GSS code).")]
        public string? Place { get; set; }

        [CommandOption("-a|--agency <NAME>")]
        [Description("An agency analyst's agency, by name as imported.")]
        public string? Agency { get; set; }

        [CommandOption("--password-stdin")]
        [Description("Read the password from the first line of standard input instead of asking.")]
        public bool PasswordStdin { get; set; }

        public UserRole ParsedRole => Enum.Parse<UserRole>(Role!.Trim(), ignoreCase: true);

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Name))
            {
                return ValidationResult.Error("--name is required: the user name to sign in with.");
            }

            if (string.IsNullOrWhiteSpace(Role) || !Enum.TryParse<UserRole>(Role.Trim(), ignoreCase: true, out var role) || !Enum.IsDefined(role))
            {
                return ValidationResult.Error("--role must be Administrator, AgencyAnalyst or Board.");
            }

            var bound = !string.IsNullOrWhiteSpace(Place) && !string.IsNullOrWhiteSpace(Agency);
            if (role == UserRole.AgencyAnalyst && !bound)
            {
                return ValidationResult.Error("An AgencyAnalyst needs --place and --agency: the one agency whose data they load and correct.");
            }

            if (role != UserRole.AgencyAnalyst && (Place is not null || Agency is not null))
            {
                return ValidationResult.Error($"--place and --agency are for an AgencyAnalyst only; a {role} reads the whole partnership.");
            }

            return base.Validate();
        }
    }

    public sealed class AddCommand(IAnsiConsole console, StandardStreams streams) : AsyncCommand<AddSettings>
    {
        public override async Task<int> ExecuteAsync(CommandContext context, AddSettings settings, CancellationToken cancellationToken)
        {
            var password = settings.PasswordStdin
                ? (await streams.Input.ReadLineAsync(cancellationToken))?.TrimEnd('\r', '\n') ?? ""
                : console.Prompt(new TextPrompt<string>($"Password for {settings.Name} (at least {UserPasswords.MinimumLength} characters):").Secret());
            if (password.Length < UserPasswords.MinimumLength)
            {
                throw new CliException($"the password is shorter than {UserPasswords.MinimumLength} characters; nothing was saved.", ExitCodes.Usage);
            }

            var name = settings.Name!.Trim();
            var account = new UserAccount(name, UserPasswords.Hash(name, password), settings.ParsedRole, settings.Place?.Trim().ToUpperInvariant(), settings.Agency?.Trim());
            await using var store = await StoreConnector.OpenAsync(settings.StoreOrDefault, mustExist: false, cancellationToken);
            try
            {
                await store.Accounts.SaveUserAsync(account, cancellationToken);
            }
            catch (ArgumentException ex)
            {
                throw new CliException(ex.Message, ExitCodes.Usage);
            }

            console.MarkupLineInterpolated($"Saved account [bold]{name}[/] ({account.Role}{(account.Agency is null ? "" : $", {account.Agency} in {account.PlaceCode}")}).");
            return ExitCodes.Success;
        }
    }

    public sealed class ListCommand(IAnsiConsole console) : AsyncCommand<StoreSettings>
    {
        public override async Task<int> ExecuteAsync(CommandContext context, StoreSettings settings, CancellationToken cancellationToken)
        {
            await using var store = await StoreConnector.OpenReadOnlyAsync(settings.StoreOrDefault, cancellationToken);
            var table = new Table().AddColumns("Name", "Role", "Place", "Agency");
            foreach (var user in await store.Accounts.ListUsersAsync(cancellationToken))
            {
                table.AddRow(Markup.Escape(user.UserName), user.Role.ToString(), user.PlaceCode ?? "", Markup.Escape(user.Agency ?? ""));
            }

            console.Write(table);
            return ExitCodes.Success;
        }
    }

    public sealed class RemoveSettings : StoreSettings
    {
        [CommandOption("-n|--name <NAME>")]
        [Description("The user name to remove.")]
        public string? Name { get; set; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Name) ? ValidationResult.Error("--name is required: the account to remove.") : base.Validate();
    }

    public sealed class RemoveCommand(IAnsiConsole console) : AsyncCommand<RemoveSettings>
    {
        public override async Task<int> ExecuteAsync(CommandContext context, RemoveSettings settings, CancellationToken cancellationToken)
        {
            await using var store = await StoreConnector.OpenAsync(settings.StoreOrDefault, mustExist: true, cancellationToken);
            if (!await store.Accounts.RemoveUserAsync(settings.Name!, cancellationToken))
            {
                throw new CliException($"there is no account named '{settings.Name}'.", ExitCodes.Usage);
            }

            console.MarkupLineInterpolated($"Removed account [bold]{settings.Name!.Trim()}[/].");
            return ExitCodes.Success;
        }
    }
}
