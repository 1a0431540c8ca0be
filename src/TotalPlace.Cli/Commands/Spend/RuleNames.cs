namespace TotalPlace.Cli.Commands.Spend;

/// <summary>Enum names as users type them on the command line: kebab-case, any case, with or without dashes.</summary>
internal static class RuleNames
{
    public static string Kebab(string pascal) =>
        string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    public static bool TryParse<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var squashed = new string([.. text.Where(char.IsAsciiLetterOrDigit)]);
        return Enum.TryParse(squashed, ignoreCase: true, out value) && Enum.IsDefined(value) && !squashed.All(char.IsAsciiDigit);
    }

    public static string Choices<TEnum>()
        where TEnum : struct, Enum => string.Join(", ", Enum.GetNames<TEnum>().Select(Kebab));
}
