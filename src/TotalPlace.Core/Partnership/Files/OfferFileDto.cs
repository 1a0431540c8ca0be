namespace TotalPlace.Core.Partnership.Files;

// The JSON shape of an offer file (docs/offers.md). Every member is nullable so that a missing field is reported
// by name, with its path, instead of failing deserialization.
internal sealed class OfferFileDto
{
    [System.Text.Json.Serialization.JsonPropertyName("$schema")]
    public string? Schema { get; set; }
    public string? Id { get; set; }
    public string? Version { get; set; }
    public DateOnly? Date { get; set; }
    public string? Title { get; set; }
    public PlaceDto? Place { get; set; }
    public string? Kind { get; set; }
    public string? PolicyDomain { get; set; }
    public string? Scope { get; set; }
    public DateOnly? StartDate { get; set; }
    public int? TermYears { get; set; }
    public DateOnly? InterimReportDate { get; set; }
    public string? Status { get; set; }
    public List<PartnerDto?>? Partners { get; set; }
    public PoolDto? Pool { get; set; }
    public List<OutcomeDto?>? Outcomes { get; set; }
    public List<EngagementDto?>? Engagement { get; set; }
    public List<EvidenceDto?>? Evidence { get; set; }
    public GovernanceDto? Governance { get; set; }
    public List<AppraisalDto?>? Appraisals { get; set; }
    public List<ActualDto?>? Actuals { get; set; }
    public List<PoolSpendDto?>? PoolSpend { get; set; }
}

internal sealed class PlaceDto
{
    public string? Code { get; set; }
    public string? Name { get; set; }
}

internal sealed class PartnerDto
{
    public string? Name { get; set; }
    public string? Kind { get; set; }
    public List<SignatoryDto?>? Signatories { get; set; }
}

internal sealed class SignatoryDto
{
    public string? Name { get; set; }
    public string? Role { get; set; }
}

internal sealed class PoolDto
{
    public string? Kind { get; set; }
    public string? AccountableBody { get; set; }
    public Dictionary<string, decimal>? Totals { get; set; }
    public List<ContributionDto?>? Contributions { get; set; }
    public ShareRuleDto? RiskShare { get; set; }
    public ShareRuleDto? SavingsShare { get; set; }
}

internal sealed class ContributionDto
{
    public string? Partner { get; set; }
    public string? Year { get; set; }
    public decimal? Cash { get; set; }
    public decimal? InKind { get; set; }
    public string? InKindDescription { get; set; }
}

internal sealed class ShareRuleDto
{
    public string? Rule { get; set; }
    public Dictionary<string, decimal>? Shares { get; set; }
}

internal sealed class MeasurementDto
{
    public decimal? Value { get; set; }
    public DateOnly? Date { get; set; }
}

internal sealed class OutcomeDto
{
    public string? Name { get; set; }
    public string? Indicator { get; set; }
    public string? Unit { get; set; }
    public MeasurementDto? Baseline { get; set; }
    public MeasurementDto? Target { get; set; }
    public string? MeasuredBy { get; set; }
    public List<string>? Partners { get; set; }
}

internal sealed class EngagementDto
{
    public string? Who { get; set; }
    public string? Sector { get; set; }
    public string? How { get; set; }
    public DateOnly? When { get; set; }
}

internal sealed class EvidenceDto
{
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? Reference { get; set; }
}

internal sealed class GovernanceDto
{
    public List<BoardMemberDto?>? BoardMembers { get; set; }
    public string? DecisionRule { get; set; }
    public string? DisputeRule { get; set; }
}

internal sealed class BoardMemberDto
{
    public string? Name { get; set; }
    public string? Role { get; set; }
    public string? Partner { get; set; }
}

internal sealed class AppraisalDto
{
    public string? ProposalId { get; set; }
    public string? ProposalName { get; set; }
    public string? Summary { get; set; }
    public List<FlowDto?>? ByAgency { get; set; }
}

internal sealed class FlowDto
{
    public string? Agency { get; set; }
    public string? Year { get; set; }
    public decimal? Benefit { get; set; }
    public decimal? Cost { get; set; }
}

internal sealed class ActualDto
{
    public string? Outcome { get; set; }
    public decimal? Value { get; set; }
    public DateOnly? Date { get; set; }
}

internal sealed class PoolSpendDto
{
    public string? Year { get; set; }
    public decimal? Amount { get; set; }
}
