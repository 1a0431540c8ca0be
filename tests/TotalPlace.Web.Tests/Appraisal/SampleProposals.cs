using System.Runtime.CompilerServices;
using TotalPlace.Core.Appraisal;

namespace TotalPlace.Web.Tests.Appraisal;

/// <summary>The repository's sample proposals (samples/proposals), found from this source file so the tests read the
/// same file the README and the CLI use, whatever the artifacts folder.</summary>
internal static class SampleProposals
{
    public const string JsaFileName = "jsa-claimants-into-work.json";

    public static string Path(string fileName, [CallerFilePath] string source = "") =>
        System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(source)!, "../../../samples/proposals", fileName));

    public static string Jsa() => File.ReadAllText(Path(JsaFileName));

    /// <summary>The engine's own appraisal of the sample, the figures the web app must reproduce.</summary>
    public static AppraisalResult JsaByTheEngine() => Appraiser.Default.Appraise(ProposalParser.Parse(Jsa()).Value);
}
