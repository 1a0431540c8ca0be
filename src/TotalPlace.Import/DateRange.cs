using System.Globalization;

namespace TotalPlace.Import;

/// <summary>The dates a spend line may plausibly carry. Published spend starts with the 2010 transparency code and
/// the oldest statements in use are from the 1990s; nothing is paid more than a year ahead. A date outside the range
/// (01/01/0001, 01/01/1899 from an Excel blank, 31/12/9999 as "no end date") is a row error naming the column, never
/// stored.</summary>
/// <param name="Earliest">The first date accepted.</param>
/// <param name="Latest">The last date accepted.</param>
public sealed record DateRange(DateOnly Earliest, DateOnly Latest)
{
    /// <summary>The earliest date accepted by default: 1 January 1990.</summary>
    public static readonly DateOnly DefaultEarliest = new(1990, 1, 1);

    /// <summary>1 January 1990 to a year after today (UTC), computed when first used.</summary>
    public static DateRange Default { get; } = new(DefaultEarliest, DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1));

    /// <summary>True when the date is inside the range.</summary>
    public bool Contains(DateOnly date) => date >= Earliest && date <= Latest;

    /// <summary>The row message for a date outside the range.</summary>
    public string Describe(DateOnly date) => string.Create(CultureInfo.InvariantCulture,
        $"the date {date:dd/MM/yyyy} is outside the plausible range {Earliest:dd/MM/yyyy} to {Latest:dd/MM/yyyy} for a payment (a placeholder such as 01/01/1900 or 31/12/9999, or a typing error); correct the date in the file");
}
