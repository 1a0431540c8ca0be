namespace TotalPlace.Web.Tables;

/// <summary>How a cell's value is shown on the page; exports keep the raw value.</summary>
public enum CellKind
{
    Text,

    /// <summary>Pounds, shown to the penny ("£1,234.56"); exported as a plain decimal.</summary>
    Money,

    /// <summary>Pounds rounded to whole pounds for headline-scale tables; exported unrounded.</summary>
    WholePounds,

    Number,

    /// <summary>A fraction shown as a percentage with one decimal place.</summary>
    Percent,

    Date,
}
