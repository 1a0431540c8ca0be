using TotalPlace.Cli.Infrastructure;
using TotalPlace.Core.Appraisal;

namespace TotalPlace.Cli.Commands.Appraisal;

/// <summary>Reads and checks a proposal file; problems become one line naming the file and each field path.</summary>
internal static class ProposalFile
{
    public static async Task<Proposal> ReadAsync(string path, Appraiser appraiser, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new CliException($"file not found: {path}", ExitCodes.Usage);
        }

        var text = await File.ReadAllTextAsync(path, cancellationToken);
        var parsed = ProposalParser.Parse(text);
        var errors = parsed.Errors.Count > 0 ? parsed.Errors : appraiser.Validate(parsed.Value);
        if (errors.Count > 0)
        {
            throw new CliException($"{path}: {string.Join("; ", errors)}", ExitCodes.Rejected);
        }

        return parsed.Value;
    }
}
