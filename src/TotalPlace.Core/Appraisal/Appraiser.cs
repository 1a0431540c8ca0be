using System.Globalization;
using TotalPlace.Core.Appraisal.Uncertainty;

namespace TotalPlace.Core.Appraisal;

/// <summary>
/// Runs the local-partnership cost-benefit method (HM Treasury / PSTN / New Economy, 2014) under Green Book
/// conventions, in <see cref="decimal"/>, on a <see cref="Proposal"/> (see docs/cba-method.md).
/// </summary>
/// <remarks>An appraiser is immutable and thread-safe: it holds the unit cost database (with its deflator series)
/// and the optimism-bias table.</remarks>
public sealed class Appraiser
{
    /// <summary>The largest horizon accepted.</summary>
    public const int MaxHorizonYears = 300;

    private static readonly Lazy<Appraiser> s_default = new(() => new Appraiser(UnitCostDatabase.UcdV14, OptimismBiasTable.Default));

    /// <summary>Creates an appraiser over a unit cost database and an optimism-bias table.</summary>
    public Appraiser(UnitCostDatabase database, OptimismBiasTable optimismBias)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(optimismBias);
        Database = database;
        OptimismBias = optimismBias;
    }

    /// <summary>The UCD v1.4 with its GDP deflator and the shipped optimism-bias table.</summary>
    public static Appraiser Default => s_default.Value;

    /// <summary>The unit costs (shipped plus any local ones given here).</summary>
    public UnitCostDatabase Database { get; }

    /// <summary>The deflator series every price base uses.</summary>
    public Deflator Deflator => Database.Deflator;

    /// <summary>Confidence grade → optimism bias.</summary>
    public OptimismBiasTable OptimismBias { get; }

    /// <summary>Every rule the proposal breaks, each naming its field path; empty when it can be appraised.</summary>
    public IReadOnlyList<ProposalError> Validate(Proposal proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var errors = new List<ProposalError>();
        void Error(string path, string message) => errors.Add(new ProposalError(path, message));
        void Rate(string path, decimal value)
        {
            if (value < 0m || value > 1m)
            {
                Error(path, $"{Fmt(value)} is not between 0 and 1");
            }
        }

        void Year(string path, FiscalYear? year)
        {
            if (year is { } y && !Deflator.Covers(y))
            {
                Error(path, $"{y} is outside the deflator series '{Deflator.SeriesId}' ({Deflator.Years.First()} to {Deflator.Years.Last()})");
            }
        }

        var n = proposal.HorizonYears;
        void InHorizon(string path, int t)
        {
            if (t < 0 || t >= n)
            {
                Error(path, $"{t} is outside the horizon (0 to {n - 1})");
            }
        }

        if (string.IsNullOrWhiteSpace(proposal.Name))
        {
            Error("name", "is required");
        }

        if (n < 1 || n > MaxHorizonYears)
        {
            Error("horizon_years", $"{n} is not between 1 and {MaxHorizonYears}");
        }

        Year("price_base", proposal.PriceBase);
        Rate("engagement", proposal.Engagement);
        for (var i = 0; i < proposal.Cohorts.Count; i++)
        {
            InHorizon($"cohorts[{i}].year", proposal.Cohorts[i].Year);
            if (proposal.Cohorts[i].Referrals < 0m)
            {
                Error($"cohorts[{i}].referrals", $"{Fmt(proposal.Cohorts[i].Referrals)} is negative");
            }
        }

        for (var i = 0; i < proposal.Costs.Count; i++)
        {
            var c = proposal.Costs[i];
            var p = $"costs[{i}]";
            if (string.IsNullOrWhiteSpace(c.Agency))
            {
                Error(p + ".agency", "is required");
            }

            if (c.Amount < 0m)
            {
                Error(p + ".amount", $"{Fmt(c.Amount)} is negative");
            }

            Rate(p + ".optimism_bias", c.OptimismBias);
            Year(p + ".price_year", c.PriceYear);
            if (c.Year is { } t)
            {
                InHorizon(p + ".year", t);
            }
            else if (c.Per == CostBasis.Fixed)
            {
                Error(p + ".year", "is required for a fixed cost");
            }
        }

        var local = Local(proposal);
        for (var i = 0; i < proposal.Outcomes.Count; i++)
        {
            var o = proposal.Outcomes[i];
            var p = $"outcomes[{i}]";
            Rate(p + ".success", o.Success);
            Rate(p + ".deadweight", o.Deadweight);
            Rate(p + ".attribution", o.Attribution);
            Rate(p + ".displacement", o.Displacement);
            Rate(p + ".drop_off", o.DropOff);
            if (o.LagYears < 0)
            {
                Error(p + ".lag_years", $"{o.LagYears} is negative");
            }

            if (o.DurationYears < 1)
            {
                Error(p + ".duration_years", $"{o.DurationYears} is less than 1");
            }

            for (var j = 0; j < o.Values.Count; j++)
            {
                var v = o.Values[j];
                var vp = $"{p}.values[{j}]";
                Rate(vp + ".cashable", v.Cashable);
                if (v.OptimismBias is { } ob)
                {
                    Rate(vp + ".optimism_bias", ob);
                }
                else if (v.Confidence is { } grade && OptimismBias.RateFor(grade) is null)
                {
                    Error(vp + ".confidence", $"'{grade}' is not a grade of the optimism-bias table ({string.Join(", ", OptimismBias.Grades)})");
                }

                if (v.Transfer && v.Type != BenefitType.Fiscal)
                {
                    Error(vp + ".transfer", "only fiscal values can be transfers");
                }

                if (v.UnitCost is { } code)
                {
                    var entry = local.Find(code);
                    if (entry is null)
                    {
                        Error(vp + ".unit_cost", $"'{code}' is not in the unit cost database ({UnitCostDatabase.UcdV14Edition} or local_unit_costs)");
                    }
                    else if (v.Amount is null && entry.ValueOf(v.Type) is null)
                    {
                        Error(vp + ".type", $"unit cost {code} has no {v.Type.ToString().ToLowerInvariant()} value");
                    }
                    else
                    {
                        Year(vp + ".unit_cost", (v.PriceYear ?? entry.ValueOf(v.Type)?.PriceYear));
                    }
                }
                else if (v.Amount is null)
                {
                    Error(vp, "needs unit_cost, or amount with price_year and source");
                }
                else
                {
                    if (v.PriceYear is null)
                    {
                        Error(vp + ".price_year", "is required with amount");
                    }

                    Year(vp + ".price_year", v.PriceYear);
                    if (string.IsNullOrWhiteSpace(v.Source))
                    {
                        Error(vp + ".source", "is required with amount");
                    }
                }

                if (v.Amount is < 0m)
                {
                    Error(vp + ".amount", $"{Fmt(v.Amount.Value)} is negative");
                }
            }
        }

        for (var i = 0; i < proposal.Uncertainty.Count; i++)
        {
            var u = proposal.Uncertainty[i];
            if (!ProposalInputs.IsSupported(u.Path))
            {
                Error($"uncertainty[{i}].input", $"'{u.Path}' is not an input that can vary");
                continue;
            }

            var (min, max) = ProposalInputs.Domain(u.Path);
            if (u.Distribution.Low < min || (max is { } hi && u.Distribution.High > hi))
            {
                Error($"uncertainty[{i}]", $"range {Fmt(u.Distribution.Low)} to {Fmt(u.Distribution.High)} leaves the valid range of {u.Path}");
            }

            try
            {
                _ = ProposalInputs.Get(proposal, u.Path, this);
            }
            catch (ArgumentException ex)
            {
                Error($"uncertainty[{i}].input", ex.Message);
            }
            catch (ProposalException)
            {
                // Already reported against the line itself.
            }
        }

        return errors;
    }

    /// <summary>Appraises <paramref name="proposal"/>.</summary>
    /// <exception cref="ProposalException">The proposal breaks a rule; <see cref="ProposalException.Errors"/> names each field.</exception>
    public AppraisalResult Appraise(Proposal proposal)
    {
        var errors = Validate(proposal);
        if (errors.Count > 0)
        {
            throw new ProposalException(errors);
        }

        var schedule = DiscountSchedule.For(proposal.Discount);
        var priceBase = Deflator.PriceBase(proposal.PriceBase);
        var ledger = new Ledger(proposal, schedule);
        AddCosts(proposal, ledger);
        AddOutcomes(proposal, ledger);
        var years = ledger.Years();

        var pvCosts = ledger.PresentValue(ledger.Costs);
        var pvFiscal = ledger.PresentValue(ledger.Fiscal);
        int? payback = null;
        if (pvCosts > 0m && pvFiscal / pvCosts > 1m)
        {
            payback = years.FirstOrDefault(y => y.CumulativeDiscountedFiscalNet >= 0m)?.T;
        }

        return new AppraisalResult
        {
            Proposal = proposal,
            PriceBase = priceBase,
            Schedule = schedule,
            Years = years,
            PvCosts = pvCosts,
            PvFiscal = pvFiscal,
            PvFiscalCashable = ledger.PresentValue(ledger.Cashable),
            PvFiscalTransfers = ledger.PresentValue(ledger.Transfers),
            PvEconomic = ledger.PresentValue(ledger.Economic),
            PvSocial = ledger.PresentValue(ledger.Social),
            PaybackYearIndex = payback,
            IrrFiscal = CashFlows.InternalRateOfReturn(ledger.Fiscal.Zip(ledger.Costs, (b, c) => b - c).ToArray()),
            ByAgency = ledger.ByAgency(),
            Trace = ledger.Trace,
            Conventions = Conventions(schedule, priceBase),
        };
    }

    /// <summary>Each cost line, year by year: the number of units that year × the uprated unit cost × (1 + optimism bias).</summary>
    private void AddCosts(Proposal proposal, Ledger ledger)
    {
        for (var i = 0; i < proposal.Costs.Count; i++)
        {
            var c = proposal.Costs[i];
            ledger.Agency(c.Agency);
            var priceYear = c.PriceYear ?? proposal.PriceBase;
            var unit = Deflator.Uprate(c.Amount, priceYear, proposal.PriceBase);
            var upratedNote = priceYear == proposal.PriceBase ? "" : $" (uprated from {Fmt(c.Amount)} at {priceYear} prices)";
            for (var t = 0; t < ledger.Horizon; t++)
            {
                if (CostUnits(proposal, c, t, unit, upratedNote) is not var (units, rule))
                {
                    continue;
                }

                var amount = units * unit * (1m + c.OptimismBias);
                if (amount == 0m)
                {
                    continue;
                }

                ledger.Costs[t] += amount;
                ledger.AgencyCosts[c.Agency] += amount * ledger.Discount[t];
                ledger.Trace.Add(new TraceLine
                {
                    T = t,
                    FiscalYear = ledger.FiscalYears[t],
                    Kind = "cost",
                    Line = $"costs[{i}]",
                    Label = c.Description ?? $"{c.Agency} {c.Kind.ToString().ToLowerInvariant()} cost ({c.Per.ToString().ToLowerInvariant()})",
                    Agency = c.Agency,
                    Reference = "input",
                    Edition = "",
                    Source = "proposal",
                    Rule = rule,
                    Amount = amount,
                    DiscountFactor = ledger.Discount[t],
                });
            }
        }
    }

    /// <summary>How many units a cost line buys in year <paramref name="t"/>, and the rule that says so; null when a
    /// fixed cost falls in another year.</summary>
    private static (decimal Units, string Rule)? CostUnits(Proposal proposal, CostLine c, int t, decimal unit, string upratedNote) => c.Per switch
    {
        CostBasis.Fixed when c.Year != t => null,
        CostBasis.Fixed => (1m, $"C × (1 + ob) = {Fmt(unit)}{upratedNote} × (1 + {Fmt(c.OptimismBias)})"),
        CostBasis.Referral => (Referrals(proposal, t, c.Year),
            $"referrals × C × (1 + ob) = {Fmt(Referrals(proposal, t, c.Year))} × {Fmt(unit)}{upratedNote} × (1 + {Fmt(c.OptimismBias)})"),
        _ => (Referrals(proposal, t, c.Year) * proposal.Engagement,
            $"referrals × engagement × C × (1 + ob) = {Fmt(Referrals(proposal, t, c.Year))} × {Fmt(proposal.Engagement)} × {Fmt(unit)}{upratedNote} × (1 + {Fmt(c.OptimismBias)})"),
    };

    /// <summary>Each outcome's value lines, year by year: outcomes that year × the uprated value × (1 − optimism bias),
    /// booked as fiscal (with its cashable share and transfers), economic or social.</summary>
    private void AddOutcomes(Proposal proposal, Ledger ledger)
    {
        for (var i = 0; i < proposal.Outcomes.Count; i++)
        {
            var o = proposal.Outcomes[i];
            var outcomeYears = OutcomeYears(proposal, o);
            for (var j = 0; j < o.Values.Count; j++)
            {
                var v = o.Values[j];
                var resolved = ResolveValue(proposal, v);
                var vb = Deflator.Uprate(resolved.Amount, resolved.PriceYear, proposal.PriceBase);
                var (ob, obRule) = ResolveOptimismBias(v);
                var kind = v.Type.ToString().ToLowerInvariant();
                var agency = string.IsNullOrWhiteSpace(v.Agency) ? "(unattributed)" : v.Agency;
                if (v.Type == BenefitType.Fiscal)
                {
                    ledger.Agency(agency);
                }

                for (var t = 0; t < ledger.Horizon; t++)
                {
                    if (outcomeYears[t] == 0m)
                    {
                        continue;
                    }

                    var amount = outcomeYears[t] * vb * (1m - ob);
                    ledger.Book(v, agency, t, amount);
                    ledger.Trace.Add(new TraceLine
                    {
                        T = t,
                        FiscalYear = ledger.FiscalYears[t],
                        Kind = kind,
                        Line = $"outcomes[{i}].values[{j}]",
                        Label = $"{o.Name}: {kind} value to {agency}{(v.Transfer ? " (transfer)" : "")}",
                        Agency = agency,
                        Transfer = v.Transfer,
                        Reference = resolved.Reference,
                        Edition = resolved.Edition,
                        Source = resolved.Source,
                        Rule = $"O_t × v_b × (1 − ob) = {Fmt(outcomeYears[t])} × {Fmt(vb)} × (1 − {Fmt(ob)}); v_b = {Fmt(resolved.Amount)} × I({proposal.PriceBase}) / I({resolved.PriceYear}); ob {obRule}",
                        Amount = amount,
                        DiscountFactor = ledger.Discount[t],
                    });
                }
            }
        }
    }

    private IReadOnlyList<string> Conventions(DiscountSchedule schedule, PriceBase priceBase) =>
    [
        "Method: HM Treasury / PSTN / New Economy, Supporting public service transformation: cost benefit analysis guidance for local partnerships (2014), within HM Treasury Green Book conventions.",
        $"Discounting: {schedule.Name}, cumulative across the steps of the schedule ({schedule.Citation}); year 0 undiscounted.",
        $"Prices: {priceBase} using {Deflator.SeriesId}.",
        $"Unit costs: {UnitCostDatabase.UcdV14Attribution}.",
        $"Optimism bias by confidence grade: {OptimismBias.Citation}.",
        "Public value excludes fiscal transfers (benefit payments, tax).",
        "ROI = PV benefits ÷ PV costs (TotalPlace convention).",
        "Payback = first year whose cumulative discounted fiscal net ≥ 0, reported only when fiscal ROI > 1 (TotalPlace convention).",
        "Cashable share defaults to 1 when not given (TotalPlace convention).",
    ];

    /// <summary>The appraisal's running sums: undiscounted flows per year by kind, discounted costs and benefits per
    /// agency (in the order agencies first appear), and the trace of every amount.</summary>
    private sealed class Ledger
    {
        private readonly List<string> _agencies = [];

        public Ledger(Proposal proposal, DiscountSchedule schedule)
        {
            Horizon = proposal.HorizonYears;
            Discount = Enumerable.Range(0, Horizon).Select(schedule.Factor).ToArray();
            FiscalYears = Enumerable.Range(0, Horizon).Select(proposal.StartYear.PlusYears).ToArray();
            (Costs, Fiscal, Cashable, Transfers, Economic, Social) =
                (new decimal[Horizon], new decimal[Horizon], new decimal[Horizon], new decimal[Horizon], new decimal[Horizon], new decimal[Horizon]);
        }

        public int Horizon { get; }

        public decimal[] Discount { get; }

        public FiscalYear[] FiscalYears { get; }

        public decimal[] Costs { get; }

        public decimal[] Fiscal { get; }

        public decimal[] Cashable { get; }

        public decimal[] Transfers { get; }

        public decimal[] Economic { get; }

        public decimal[] Social { get; }

        public List<TraceLine> Trace { get; } = [];

        public Dictionary<string, decimal> AgencyCosts { get; } = new(StringComparer.OrdinalIgnoreCase);

        private Dictionary<string, decimal> AgencyFiscal { get; } = new(StringComparer.OrdinalIgnoreCase);

        private Dictionary<string, decimal> AgencyCashable { get; } = new(StringComparer.OrdinalIgnoreCase);

        public void Agency(string name)
        {
            if (!AgencyCosts.ContainsKey(name))
            {
                _agencies.Add(name);
                AgencyCosts[name] = AgencyFiscal[name] = AgencyCashable[name] = 0m;
            }
        }

        public void Book(ValueLine value, string agency, int t, decimal amount)
        {
            switch (value.Type)
            {
                case BenefitType.Fiscal:
                    Fiscal[t] += amount;
                    Cashable[t] += amount * value.Cashable;
                    if (value.Transfer)
                    {
                        Transfers[t] += amount;
                    }

                    AgencyFiscal[agency] += amount * Discount[t];
                    AgencyCashable[agency] += amount * value.Cashable * Discount[t];
                    break;
                case BenefitType.Economic:
                    Economic[t] += amount;
                    break;
                default:
                    Social[t] += amount;
                    break;
            }
        }

        public decimal PresentValue(decimal[] values) => values.Select((v, t) => v * Discount[t]).Sum();

        public List<AppraisalYear> Years()
        {
            var years = new List<AppraisalYear>(Horizon);
            var cumulative = 0m;
            for (var t = 0; t < Horizon; t++)
            {
                cumulative += (Fiscal[t] - Costs[t]) * Discount[t];
                years.Add(new AppraisalYear
                {
                    T = t,
                    FiscalYear = FiscalYears[t],
                    Costs = Costs[t],
                    Fiscal = Fiscal[t],
                    FiscalCashable = Cashable[t],
                    FiscalTransfers = Transfers[t],
                    Economic = Economic[t],
                    Social = Social[t],
                    DiscountFactor = Discount[t],
                    CumulativeDiscountedFiscalNet = cumulative,
                });
            }

            return years;
        }

        public List<AgencyLine> ByAgency() => _agencies.Select(a => new AgencyLine(a, AgencyCosts[a], AgencyFiscal[a], AgencyCashable[a])).ToList();
    }

    /// <summary>The figure a value line uses before uprating, with its reference, edition and source.</summary>
    /// <exception cref="ProposalException">The line names an unknown unit cost or one without a value of its type.</exception>
    public ResolvedValue ResolveValue(Proposal proposal, ValueLine line)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(line);
        if (line.UnitCost is { } code)
        {
            var entry = Local(proposal).Find(code) ?? throw new ProposalException($"unit cost '{code}' is not in the database");
            var value = entry.ValueOf(line.Type);
            if (line.Amount is { } overrideAmount)
            {
                return new ResolvedValue(overrideAmount, line.PriceYear ?? value?.PriceYear ?? proposal.PriceBase, entry.Code, entry.Edition, entry.Source);
            }

            return value is null
                ? throw new ProposalException($"unit cost {code} has no {line.Type.ToString().ToLowerInvariant()} value")
                : new ResolvedValue(value.Amount, value.PriceYear, entry.Code, entry.Edition, entry.Source);
        }

        return new ResolvedValue(line.Amount ?? 0m, line.PriceYear ?? proposal.PriceBase, "local", "local", line.Source ?? "");
    }

    /// <summary>The optimism bias of a value line and the rule that gave it (the line's rate, its confidence grade, or none).</summary>
    public (decimal Rate, string Rule) ResolveOptimismBias(ValueLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.OptimismBias is { } rate)
        {
            return (rate, $"{Fmt(rate)} given on the line");
        }

        if (line.Confidence is { } grade && OptimismBias.RateFor(grade) is { } fromGrade)
        {
            return (fromGrade, $"{Fmt(fromGrade)} from confidence grade {grade}");
        }

        return (0m, "0 (none given)");
    }

    /// <summary>Outcome-years <c>O_t</c> of one outcome over the horizon.</summary>
    public static decimal[] OutcomeYears(Proposal proposal, Outcome outcome)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(outcome);
        var years = new decimal[proposal.HorizonYears];
        foreach (var cohort in proposal.Cohorts)
        {
            var net = NetAdditional(proposal, outcome, cohort);
            var retention = 1m;
            for (var k = 0; k < outcome.DurationYears; k++)
            {
                var t = cohort.Year + outcome.LagYears + k;
                if (t >= years.Length)
                {
                    break;
                }

                years[t] += net * retention;
                retention *= 1m - outcome.DropOff;
            }
        }

        return years;
    }

    /// <summary>Net additional achievers of a cohort: <c>R × engagement × success × (1 − dw)(1 − att)(1 − disp)</c>.</summary>
    public static decimal NetAdditional(Proposal proposal, Outcome outcome, Cohort cohort)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(cohort);
        return cohort.Referrals * proposal.Engagement * outcome.Success *
               (1m - outcome.Deadweight) * (1m - outcome.Attribution) * (1m - outcome.Displacement);
    }

    internal UnitCostDatabase Local(Proposal proposal) =>
        proposal.LocalUnitCosts.Count == 0 ? Database : Database.WithLocal(proposal.LocalUnitCosts.Select(l => l.ToUnitCost()));

    private static decimal Referrals(Proposal proposal, int t, int? onlyYear)
    {
        if (onlyYear is { } y && y != t)
        {
            return 0m;
        }

        var total = 0m;
        foreach (var c in proposal.Cohorts)
        {
            if (c.Year == t)
            {
                total += c.Referrals;
            }
        }

        return total;
    }

    private static string Fmt(decimal value) => value.ToString("#,0.##########", CultureInfo.InvariantCulture);
}
