using System.Text.Json;
using System.Text.Json.Serialization;
using TotalPlace.Core.Places;

namespace TotalPlace.Core.Partnership.Files;

/// <summary>
/// Reads and writes the offer file format: one JSON document holding an offer with its partners, pool, outcomes,
/// engagement, evidence, governance, appraisals and (during delivery) actuals. The format is described in
/// docs/offers.md, with a JSON Schema in samples/offers/offer.schema.json.
/// </summary>
/// <remarks>Reading never throws on bad content: every problem is collected with its JSON path. The caller reads
/// the file; the core only sees text.</remarks>
public static class OfferFile
{
    private static readonly JsonSerializerOptions s_options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Parses an offer from JSON text.</summary>
    public static OfferParseResult Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        OfferFileDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize<OfferFileDto>(json, s_options);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" (line {line + 1}, position {ex.BytePositionInLine + 1})" : "";
            return new(null, [new(ex.Path ?? "$", "file.json", Clean(ex.Message) + where)]);
        }

        if (dto is null)
        {
            return new(null, [new("$", "file.empty", "The file holds no offer (it is JSON null).")]);
        }

        return new Reader().Read(dto);
    }

    /// <summary>Writes an offer as JSON in the offer file format; <see cref="Parse"/> reads it back to an equal offer.</summary>
    public static string Write(Offer offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        var dto = new OfferFileDto
        {
            Id = offer.Id,
            Version = offer.Version,
            Date = offer.DocumentDate == default ? null : offer.DocumentDate,
            Title = offer.Title,
            Place = new PlaceDto { Code = offer.PlaceCode, Name = offer.PlaceName },
            Kind = Camel(offer.Kind.ToString()),
            PolicyDomain = offer.PolicyDomain,
            Scope = offer.Scope,
            StartDate = offer.StartDate,
            TermYears = offer.TermYears,
            InterimReportDate = offer.InterimReportDate,
            Status = Camel(offer.Status.ToString()),
            Partners = offer.Partners.Select(p => (PartnerDto?)new PartnerDto
            {
                Name = p.Name,
                Kind = Camel(p.Kind.ToString()),
                Signatories = p.Signatories.Select(s => (SignatoryDto?)new SignatoryDto { Name = s.Name, Role = s.Role }).ToList(),
            }).ToList(),
            Pool = offer.Pool is not { } pool ? null : new PoolDto
            {
                Kind = Camel(pool.Kind.ToString()),
                AccountableBody = pool.AccountableBody,
                Totals = pool.StatedTotals.OrderBy(t => t.Key).ToDictionary(t => t.Key.ToString(), t => t.Value.Pounds, StringComparer.Ordinal),
                Contributions = pool.Contributions.Select(c => (ContributionDto?)new ContributionDto
                {
                    Partner = c.Partner,
                    Year = c.Year.ToString(),
                    Cash = c.Cash.Pounds,
                    InKind = c.InKind.Pounds,
                    InKindDescription = c.InKindDescription,
                }).ToList(),
                RiskShare = WriteRule(pool.RiskShare),
                SavingsShare = WriteRule(pool.SavingsShare),
            },
            Outcomes = offer.Outcomes.Select(o => (OutcomeDto?)new OutcomeDto
            {
                Name = o.Name,
                Indicator = o.Indicator,
                Unit = o.Unit,
                Baseline = o.Baseline is null ? null : new MeasurementDto { Value = o.Baseline.Value, Date = o.Baseline.Date },
                Target = o.Target is null ? null : new MeasurementDto { Value = o.Target.Value, Date = o.Target.Date },
                MeasuredBy = o.MeasuredBy,
                Partners = [.. o.Partners],
            }).ToList(),
            Engagement = offer.Engagement.Select(e => (EngagementDto?)new EngagementDto
            {
                Who = e.Who,
                Sector = Camel(e.Sector.ToString()),
                How = e.How,
                When = e.When,
            }).ToList(),
            Evidence = offer.Evidence.Select(e => (EvidenceDto?)new EvidenceDto { Title = e.Title, Description = e.Description, Reference = e.Reference }).ToList(),
            Governance = new GovernanceDto
            {
                BoardMembers = offer.Governance.BoardMembers.Select(b => (BoardMemberDto?)new BoardMemberDto { Name = b.Name, Role = b.Role, Partner = b.Partner }).ToList(),
                DecisionRule = offer.Governance.DecisionRule,
                DisputeRule = offer.Governance.DisputeRule,
            },
            Appraisals = offer.Appraisals.Select(a => (AppraisalDto?)new AppraisalDto
            {
                ProposalId = a.ProposalId,
                ProposalName = a.ProposalName,
                Summary = a.Summary,
                ByAgency = a.ByAgency.Select(f => (FlowDto?)new FlowDto { Agency = f.Agency, Year = f.Year.ToString(), Benefit = f.Benefit.Pounds, Cost = f.Cost.Pounds }).ToList(),
            }).ToList(),
            Actuals = offer.Actuals.Select(a => (ActualDto?)new ActualDto { Outcome = a.Outcome, Value = a.Value, Date = a.Date }).ToList(),
            PoolSpend = offer.PoolSpend.OrderBy(s => s.Year).Select(s => (PoolSpendDto?)new PoolSpendDto { Year = s.Year.ToString(), Amount = s.Amount.Pounds }).ToList(),
        };
        return JsonSerializer.Serialize(dto, s_options) + "\n";
    }

    private static ShareRuleDto WriteRule(ShareRule rule) => rule.Kind switch
    {
        ShareRuleKind.FixedShares => new ShareRuleDto { Rule = "fixed", Shares = new Dictionary<string, decimal>(rule.FixedShares, StringComparer.Ordinal) },
        ShareRuleKind.BenefitFollowsPayer => new ShareRuleDto { Rule = "benefitFollowsPayer" },
        _ => new ShareRuleDto { Rule = "proportional" },
    };

    private static string Camel(string pascal) => char.ToLowerInvariant(pascal[0]) + pascal[1..];

    // System.Text.Json messages end with "Path: $.x | LineNumber: …"; the path is reported separately.
    private static string Clean(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    private sealed class Reader
    {
        private readonly List<OfferIssue> _issues = [];

        public OfferParseResult Read(OfferFileDto dto)
        {
            var id = Required(dto.Id, "$.id");
            var title = Required(dto.Title, "$.title");
            var placeCode = Required(dto.Place?.Code, "$.place.code");
            var kind = Enum<OfferKind>(dto.Kind, "$.kind", required: true);
            var start = RequiredDate(dto.StartDate, "$.startDate");
            if (id is null || title is null || placeCode is null || kind is null || start is null)
            {
                ReadRest(dto, null);
                return new(null, _issues);
            }

            var offer = new Offer(id, title, placeCode, dto.Place?.Name ?? "", kind.Value, start.Value)
            {
                PolicyDomain = string.IsNullOrWhiteSpace(dto.PolicyDomain) ? null : dto.PolicyDomain,
                Scope = dto.Scope ?? "",
                Version = dto.Version ?? "0.1",
                DocumentDate = dto.Date ?? start.Value,
            };
            if (dto.TermYears is { } term)
            {
                if (term is < 1 or > 25)
                {
                    Issue("$.termYears", "offer.term", $"The term must be between 1 and 25 years; it is {term}.");
                }
                else
                {
                    offer.TermYears = term;
                }
            }

            if (dto.InterimReportDate is { } interim)
            {
                offer.InterimReportDate = interim;
            }

            ReadRest(dto, offer);
            if (Enum<OfferStatus>(dto.Status, "$.status", required: false) is { } status)
            {
                offer.RestoreStatus(status);
            }

            return new(offer, _issues);
        }

        // Reads everything after the header; with a null offer it still reports problems so the user sees them all.
        private void ReadRest(OfferFileDto dto, Offer? offer)
        {
            ReadPartners(dto.Partners, offer);
            var pool = ReadPool(dto.Pool);
            if (offer is not null)
            {
                offer.Pool = pool;
            }

            ReadOutcomes(dto.Outcomes, offer);
            Each(dto.Engagement, "$.engagement", (e, p) =>
            {
                var who = Required(e.Who, $"{p}.who");
                var sector = Enum<EngagementSector>(e.Sector, $"{p}.sector", required: true);
                var when = RequiredDate(e.When, $"{p}.when");
                if (who is not null && sector is not null && when is not null)
                {
                    offer?.AddEngagement(new EngagementRecord(who, sector.Value, e.How ?? "", when.Value));
                }
            });
            Each(dto.Evidence, "$.evidence", (e, p) =>
            {
                if (Required(e.Title, $"{p}.title") is { } t)
                {
                    offer?.AddEvidence(new PartnershipEvidence(t, e.Description ?? "", e.Reference));
                }
            });
            if (dto.Governance is { } g)
            {
                var members = new List<BoardMember>();
                Each(g.BoardMembers, "$.governance.boardMembers", (b, p) =>
                {
                    var name = Required(b.Name, $"{p}.name");
                    var partner = Required(b.Partner, $"{p}.partner");
                    if (name is not null && partner is not null)
                    {
                        members.Add(new BoardMember(name, b.Role ?? "Member", partner));
                    }
                });
                if (offer is not null)
                {
                    offer.Governance = new Governance(members, g.DecisionRule ?? "", g.DisputeRule ?? "");
                }
            }

            ReadAppraisals(dto.Appraisals, offer);
            Each(dto.Actuals, "$.actuals", (a, p) =>
            {
                var outcome = Required(a.Outcome, $"{p}.outcome");
                var value = RequiredValue(a.Value, $"{p}.value");
                var date = RequiredDate(a.Date, $"{p}.date");
                if (offer is null || outcome is null || value is null || date is null)
                {
                    return;
                }

                try
                {
                    offer.RecordActual(new OutcomeActual(outcome, value.Value, date.Value));
                }
                catch (PartnershipDomainException ex)
                {
                    Issue($"{p}.outcome", "actual.outcome-unknown", ex.Message);
                }
            });
            Each(dto.PoolSpend, "$.poolSpend", (s, p) =>
            {
                var year = Year(s.Year, $"{p}.year");
                var amount = RequiredValue(s.Amount, $"{p}.amount");
                if (year is not null && amount is not null)
                {
                    offer?.RecordPoolSpend(new PoolSpend(year.Value, Money.FromPounds(amount.Value)));
                }
            });
        }

        private void ReadPartners(List<PartnerDto?>? partners, Offer? offer)
        {
            Each(partners, "$.partners", (dto, p) =>
            {
                var name = Required(dto.Name, $"{p}.name");
                var kind = Enum<AgencyKind>(dto.Kind, $"{p}.kind", required: false) ?? AgencyKind.Other;
                var signatories = new List<Signatory>();
                Each(dto.Signatories, $"{p}.signatories", (s, sp) =>
                {
                    var sname = Required(s.Name, $"{sp}.name");
                    if (sname is not null)
                    {
                        signatories.Add(new Signatory(sname, s.Role ?? ""));
                    }
                });
                if (name is null || offer is null)
                {
                    return;
                }

                try
                {
                    offer.AddPartner(new Partner(name, kind, signatories));
                }
                catch (PartnershipDomainException ex)
                {
                    Issue($"{p}.name", "partner.duplicate", ex.Message);
                }
            });
        }

        private Pool? ReadPool(PoolDto? dto)
        {
            if (dto is null)
            {
                return null;
            }

            var kind = Enum<PoolKind>(dto.Kind, "$.pool.kind", required: true) ?? PoolKind.Pooled;
            var totals = new Dictionary<FiscalYear, Money>();
            foreach (var (key, value) in dto.Totals ?? [])
            {
                if (Year(key, $"$.pool.totals[\"{key}\"]") is { } year)
                {
                    totals[year] = Money.FromPounds(value);
                }
            }

            var contributions = new List<Contribution>();
            Each(dto.Contributions, "$.pool.contributions", (c, p) =>
            {
                var partner = Required(c.Partner, $"{p}.partner");
                var year = Year(c.Year, $"{p}.year");
                if (c.Cash is null && c.InKind is null)
                {
                    Issue(p, "contribution.amount-missing", "A contribution needs cash, inKind or both.");
                    return;
                }

                if (partner is not null && year is not null)
                {
                    contributions.Add(new Contribution(
                        partner, year.Value, Money.FromPounds(c.Cash ?? 0m), Money.FromPounds(c.InKind ?? 0m), c.InKindDescription));
                }
            });
            var risk = ReadRule(dto.RiskShare, "$.pool.riskShare");
            var savings = ReadRule(dto.SavingsShare, "$.pool.savingsShare");
            return new Pool(kind, dto.AccountableBody, totals, contributions, risk, savings);
        }

        private ShareRule ReadRule(ShareRuleDto? dto, string path)
        {
            switch (dto?.Rule)
            {
                case null or "proportional":
                    return ShareRule.Proportional;
                case "benefitFollowsPayer":
                    return ShareRule.BenefitFollowsPayer;
                case "fixed":
                    if (dto.Shares is null || dto.Shares.Count == 0)
                    {
                        Issue($"{path}.shares", "share.fixed-empty", "A fixed share rule needs a share for each partner.");
                        return ShareRule.Fixed(new Dictionary<string, decimal>());
                    }

                    foreach (var (partner, share) in dto.Shares.Where(s => s.Value < 0m))
                    {
                        Issue($"{path}.shares[\"{partner}\"]", "share.negative", $"The share of '{partner}' is negative ({share}).");
                    }

                    return ShareRule.Fixed(dto.Shares.Where(s => s.Value >= 0m).ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal));
                default:
                    Issue($"{path}.rule", "share.rule-unknown",
                        $"'{dto.Rule}' is not a share rule; use proportional, fixed or benefitFollowsPayer.");
                    return ShareRule.Proportional;
            }
        }

        private void ReadOutcomes(List<OutcomeDto?>? outcomes, Offer? offer)
        {
            if (outcomes is { Count: > Offer.MaxOutcomes })
            {
                Issue($"$.outcomes[{Offer.MaxOutcomes}]", "outcomes.too-many",
                    $"An offer may have at most {Offer.MaxOutcomes} outcomes; this file has {outcomes.Count}. Outcomes after the 10th are left out.");
            }

            Each(outcomes, "$.outcomes", (o, p) =>
            {
                var name = Required(o.Name, $"{p}.name");
                var baseline = Measure(o.Baseline, $"{p}.baseline");
                var target = Measure(o.Target, $"{p}.target");
                if (name is null || offer is null || offer.Outcomes.Count >= Offer.MaxOutcomes)
                {
                    return;
                }

                try
                {
                    offer.AddOutcome(new Outcome(name, o.Indicator ?? "", o.Unit ?? "", baseline, target, o.MeasuredBy ?? "", o.Partners ?? []));
                }
                catch (PartnershipDomainException ex)
                {
                    Issue($"{p}.name", "outcome.duplicate", ex.Message);
                }
            });
        }

        private Measurement? Measure(MeasurementDto? dto, string path)
        {
            if (dto is null)
            {
                return null;
            }

            var value = RequiredValue(dto.Value, $"{path}.value");
            var date = RequiredDate(dto.Date, $"{path}.date");
            return value is null || date is null ? null : new Measurement(value.Value, date.Value);
        }

        private void ReadAppraisals(List<AppraisalDto?>? appraisals, Offer? offer)
        {
            Each(appraisals, "$.appraisals", (a, p) =>
            {
                var id = Required(a.ProposalId, $"{p}.proposalId");
                var name = Required(a.ProposalName, $"{p}.proposalName");
                var flows = new List<AgencyFiscalFlow>();
                Each(a.ByAgency, $"{p}.byAgency", (f, fp) =>
                {
                    var agency = Required(f.Agency, $"{fp}.agency");
                    var year = Year(f.Year, $"{fp}.year");
                    if (agency is not null && year is not null)
                    {
                        flows.Add(new AgencyFiscalFlow(agency, year.Value, Money.FromPounds(f.Benefit ?? 0m), Money.FromPounds(f.Cost ?? 0m)));
                    }
                });
                if (id is null || name is null || offer is null)
                {
                    return;
                }

                try
                {
                    offer.AttachAppraisal(new AppraisalReference(id, name, a.Summary ?? "", flows));
                }
                catch (PartnershipDomainException ex)
                {
                    Issue($"{p}.proposalId", "appraisal.duplicate", ex.Message);
                }
            });
        }

        private void Each<T>(List<T?>? items, string path, Action<T, string> read)
            where T : class
        {
            if (items is null)
            {
                return;
            }

            for (var i = 0; i < items.Count; i++)
            {
                var itemPath = $"{path}[{i}]";
                if (items[i] is { } item)
                {
                    read(item, itemPath);
                }
                else
                {
                    Issue(itemPath, "file.null", "This entry is null; remove it or fill it in.");
                }
            }
        }

        private string? Required(string? value, string path)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                return value.Trim();
            }

            Issue(path, "file.required", "This field is required.");
            return null;
        }

        private DateOnly? RequiredDate(DateOnly? value, string path)
        {
            if (value is null)
            {
                Issue(path, "file.required", "This date is required (write it as yyyy-mm-dd).");
            }

            return value;
        }

        private decimal? RequiredValue(decimal? value, string path)
        {
            if (value is null)
            {
                Issue(path, "file.required", "This number is required.");
            }

            return value;
        }

        private FiscalYear? Year(string? text, string path)
        {
            if (FiscalYear.TryParse(text, out var year))
            {
                return year;
            }

            Issue(path, "file.fiscal-year", $"'{text}' is not a financial year; write it as 2027-28.");
            return null;
        }

        private TEnum? Enum<TEnum>(string? text, string path, bool required)
            where TEnum : struct, System.Enum
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                if (required)
                {
                    Issue(path, "file.required", $"This field is required; use one of {Names<TEnum>()}.");
                }

                return null;
            }

            // Names are written camelCase in files; accept any case but not numbers, which would hide typos.
            if (!char.IsDigit(text[0]) && System.Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && System.Enum.IsDefined(value))
            {
                return value;
            }

            Issue(path, "file.enum", $"'{text}' is not allowed here; use one of {Names<TEnum>()}.");
            return null;
        }

        private static string Names<TEnum>()
            where TEnum : struct, System.Enum =>
            string.Join(", ", System.Enum.GetNames<TEnum>().Select(Camel));

        private void Issue(string path, string code, string message) => _issues.Add(new(path, code, message));
    }
}
