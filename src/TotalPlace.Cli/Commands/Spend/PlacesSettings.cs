using TotalPlace.Cli.Infrastructure;

namespace TotalPlace.Cli.Commands.Spend;

public sealed class PlacesSettings : FormattedSettings;
