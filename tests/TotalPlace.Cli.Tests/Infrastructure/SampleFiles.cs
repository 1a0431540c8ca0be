using TotalPlace.Testing;

namespace TotalPlace.Cli.Tests.Infrastructure;

/// <summary>The real published files the CLI tests import, read where they live in ../shared/data/spend-samples
/// (their origin and licence are recorded there).</summary>
public static class SampleFiles
{
    public static string Devon202504 => SharedData.Devon202504;

    public static string MinistryOfJustice => SharedData.MinistryOfJustice;

    public static string NhsBsa => SharedData.NhsBsa;
}
