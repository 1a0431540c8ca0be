using TotalPlace.Application.Appraisal;
using TotalPlace.Cli.Infrastructure;
using TotalPlace.Core.Appraisal;

namespace TotalPlace.Cli.Commands.Appraisal;

/// <summary>Reads a proposal file and appraises it through the application's use case
/// (<see cref="AppraiseProposal"/>: the same reading, checks and engine as the web app); problems become one line
/// naming the file and each field path.</summary>
internal static class ProposalFile
{
    public static async Task<ProposalAppraisal> AppraiseAsync(string path, Appraiser appraiser, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new CliException($"file not found: {path}", ExitCodes.Usage);
        }

        var appraisal = AppraiseProposal.Evaluate(await File.ReadAllTextAsync(path, cancellationToken), appraiser);
        if (!appraisal.IsValid)
        {
            throw new CliException($"{path}: {string.Join("; ", appraisal.Errors)}", ExitCodes.Rejected);
        }

        return appraisal;
    }
}
