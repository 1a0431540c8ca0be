namespace TotalPlace.Cli.Tests.Infrastructure;

/// <summary>The real published files copied into Data/ (see Data/README.md).</summary>
public static class SampleFiles
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Data");

    public static string Devon202504 => Path.Combine(Folder, "DCCSpendingOver500_202504.csv");

    public static string MinistryOfJustice => Path.Combine(Folder, "moj-aramis-april-12.csv.csv");

    public static string NhsBsa => Path.Combine(Folder, "08_-_November(3).csv");
}
