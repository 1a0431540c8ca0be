using TotalPlace.Core.Appraisal;
using TotalPlace.Core.Appraisal.Uncertainty;

namespace TotalPlace.Reports.Appraisal;

/// <summary>
/// Writes an appraisal as an .xlsx workbook with live formulas, laid out like the New Economy CBA model finance officers
/// know: Summary, Inputs, Calculations (by year), By agency, Trace. Every result is a formula over the Inputs sheet that
/// reproduces <see cref="Appraiser.Appraise"/> (docs/cba-method.md), so changing an input in Excel moves every result.
/// </summary>
/// <remarks>
/// Each formula cell also carries the engine's own figure as its cached value, so viewers that do not recalculate show
/// the right numbers; the workbook asks Excel and LibreOffice to recalculate fully on open. Spreadsheets calculate in
/// binary floating point where the engine uses decimal; the tests recalculate every sample in LibreOffice and find
/// the summary equal to the penny. The fiscal IRR and the Monte Carlo bands are the engine's figures (values, said so
/// beside them), because a spreadsheet cannot re-run the simulation.
/// </remarks>
public static class AppraisalWorkbook
{
    internal const string SummarySheet = "Summary";
    internal const string InputsSheet = "Inputs";
    internal const string CalculationsSheet = "Calculations";
    internal const string AgencySheet = "By agency";
    internal const string TraceSheet = "Trace";

    /// <summary>Writes <paramref name="result"/> (and optional Monte Carlo bands) to <paramref name="stream"/>.</summary>
    /// <param name="stream">Where the .xlsx goes.</param>
    /// <param name="result">The appraisal, from <paramref name="appraiser"/>.</param>
    /// <param name="monteCarlo">Monte Carlo bands to show as values, if run.</param>
    /// <param name="appraiser">The appraiser that produced <paramref name="result"/> (its unit costs and optimism-bias table); the default one when null.</param>
    /// <param name="madeFrom">What the appraisal was made from (file or store), written on the Summary sheet.</param>
    public static void Write(Stream stream, AppraisalResult result, MonteCarloResult? monteCarlo = null, Appraiser? appraiser = null, string? madeFrom = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(result);
        var model = new Builder(result, appraiser ?? Appraiser.Default);
        model.Build(monteCarlo, madeFrom);
        XlsxWriter.Write(stream, [model.Summary, model.Inputs, model.Calculations, model.Agencies, model.Trace]);
    }

    /// <summary>Where each summary figure sits (row on the Summary sheet, column B), for tests that read them back.</summary>
    internal static IReadOnlyDictionary<string, int> SummaryRows { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["PvCosts"] = 6,
        ["PvFiscal"] = 7,
        ["PvFiscalCashable"] = 8,
        ["PvFiscalTransfers"] = 9,
        ["PvEconomic"] = 10,
        ["PvSocial"] = 11,
        ["PvPublicValue"] = 12,
        ["NpvFiscal"] = 13,
        ["NpvPublicValue"] = 14,
        ["RoiFiscal"] = 15,
        ["RoiPublicValue"] = 16,
        ["PaybackYearIndex"] = 17,
    };

    private sealed class Builder(AppraisalResult result, Appraiser appraiser)
    {
        private readonly Proposal _p = result.Proposal;

        public XlsxSheet Summary { get; } = new(SummarySheet);

        public XlsxSheet Inputs { get; } = new(InputsSheet);

        public XlsxSheet Calculations { get; } = new(CalculationsSheet);

        public XlsxSheet Agencies { get; } = new(AgencySheet);

        public XlsxSheet Trace { get; } = new(TraceSheet);

        // Inputs sheet positions.
        private string _indexBase = "";
        private string _engagement = "";
        private int _cohortFirst;
        private int _costFirst;
        private int _outcomeFirst;
        private int _valueFirst;
        private int _rateFirst;
        private readonly List<(int Outcome, int Index, ValueLine Line, ResolvedValue Resolved, decimal Ob, decimal Vb)> _values = [];

        // Calculations sheet positions.
        private int _costUnitFirst;
        private int _valueUnitFirst;
        private readonly Dictionary<(int Outcome, int Cohort), int> _netRow = [];
        private int _yearFirst;
        private int _yearLast;
        private int _pvRow;
        private int _pvCashRow;
        private int _typeRow;
        private int _agencyRow;
        private int _transferRow;
        private int _cashableRow;
        private int _costCol;
        private int _outcomeCol;
        private int _valueCol;
        private readonly Dictionary<string, int> _totalCol = new(StringComparer.Ordinal);

        public void Build(MonteCarloResult? monteCarlo, string? madeFrom)
        {
            BuildInputs();
            BuildCalculations();
            BuildAgencies();
            BuildSummary(monteCarlo, madeFrom);
            BuildTrace();
        }

        private void BuildInputs()
        {
            var s = Inputs;
            s.ColumnWidths[1] = 24;
            s.ColumnWidths[2] = 26;
            for (var c = 3; c <= 14; c++)
            {
                s.ColumnWidths[c] = 15;
            }

            s.Text(1, 1, "Inputs: the yellow cells are the proposal; every result in this workbook is a formula over them.", XlsxStyle.Title);
            var row = 3;
            void Field(string label, Action<int> write, string note = "")
            {
                s.Text(row, 1, label, XlsxStyle.Header);
                write(row);
                s.Text(row, 3, note, XlsxStyle.Note);
                row++;
            }

            Field("Proposal", r => s.Text(r, 2, _p.Name, XlsxStyle.Input));
            Field("Price base", r => s.Text(r, 2, _p.PriceBase.ToString(), XlsxStyle.Input), $"financial year; figures in {result.PriceBase}");
            Field("Deflator index I(price base)", r => s.Number(r, 2, appraiser.Deflator.Index(_p.PriceBase), XlsxStyle.Input), appraiser.Deflator.SeriesId);
            _indexBase = XlsxSheet.Ref(InputsSheet, row - 1, 2);
            Field("Start year (t = 0)", r => s.Text(r, 2, _p.StartYear.ToString(), XlsxStyle.Input));
            Field("Horizon (years)", r => s.Number(r, 2, _p.HorizonYears, XlsxStyle.Input), "t = 0 … horizon − 1; add rows to Calculations to lengthen it");
            Field("Discount schedule", r => s.Text(r, 2, result.Schedule.Name, XlsxStyle.Input), result.Schedule.Citation);
            Field("Engagement rate", r => s.Number(r, 2, _p.Engagement, XlsxStyle.InputRate), "share of referrals who engage");
            _engagement = XlsxSheet.Ref(InputsSheet, row - 1, 2);

            row++;
            s.Text(row++, 1, "Cohorts", XlsxStyle.Title);
            Headers(s, row++, "Line", "Intake year t", "Referrals");
            _cohortFirst = row;
            for (var i = 0; i < _p.Cohorts.Count; i++, row++)
            {
                s.Text(row, 1, $"cohorts[{i}]");
                s.Number(row, 2, _p.Cohorts[i].Year, XlsxStyle.Input);
                s.Number(row, 3, _p.Cohorts[i].Referrals, XlsxStyle.Input);
            }

            row++;
            s.Text(row++, 1, "Costs", XlsxStyle.Title);
            Headers(s, row++, "Line", "Agency", "Kind", "Per (fixed / referral / engaged)", "Year t (blank: each cohort)", "Amount £", "Price year", "Deflator index I(price year)", "Optimism bias", "Description");
            _costFirst = row;
            for (var i = 0; i < _p.Costs.Count; i++, row++)
            {
                var c = _p.Costs[i];
                var priceYear = c.PriceYear ?? _p.PriceBase;
                s.Text(row, 1, $"costs[{i}]");
                s.Text(row, 2, c.Agency, XlsxStyle.Input);
                s.Text(row, 3, c.Kind.ToString().ToLowerInvariant(), XlsxStyle.Input);
                s.Text(row, 4, c.Per.ToString().ToLowerInvariant(), XlsxStyle.Input);
                s.Number(row, 5, c.Year, XlsxStyle.Input);
                s.Number(row, 6, c.Amount, XlsxStyle.InputMoney);
                s.Text(row, 7, priceYear.ToString(), XlsxStyle.Input);
                s.Number(row, 8, appraiser.Deflator.Index(priceYear), XlsxStyle.Input);
                s.Number(row, 9, c.OptimismBias, XlsxStyle.InputRate);
                s.Text(row, 10, c.Description ?? "");
            }

            row++;
            s.Text(row++, 1, "Outcomes", XlsxStyle.Title);
            Headers(s, row++, "Line", "Outcome", "Success", "Deadweight", "Attribution", "Displacement", "Lag (years)", "Duration (years)", "Drop-off a year");
            _outcomeFirst = row;
            for (var i = 0; i < _p.Outcomes.Count; i++, row++)
            {
                var o = _p.Outcomes[i];
                s.Text(row, 1, $"outcomes[{i}]");
                s.Text(row, 2, o.Name, XlsxStyle.Input);
                s.Number(row, 3, o.Success, XlsxStyle.InputRate);
                s.Number(row, 4, o.Deadweight, XlsxStyle.InputRate);
                s.Number(row, 5, o.Attribution, XlsxStyle.InputRate);
                s.Number(row, 6, o.Displacement, XlsxStyle.InputRate);
                s.Number(row, 7, o.LagYears, XlsxStyle.Input);
                s.Number(row, 8, o.DurationYears, XlsxStyle.Input);
                s.Number(row, 9, o.DropOff, XlsxStyle.InputRate);
            }

            row++;
            s.Text(row++, 1, "Values of each outcome (unit costs)", XlsxStyle.Title);
            Headers(s, row++, "Line", "Outcome", "Type (fiscal / economic / social)", "Agency", "Transfer (1 = yes)", "Cashable share", "Unit cost code", "Edition", "Source", "Amount £", "Price year", "Deflator index I(price year)", "Optimism bias", "Optimism bias from");
            _valueFirst = row;
            for (var i = 0; i < _p.Outcomes.Count; i++)
            {
                for (var j = 0; j < _p.Outcomes[i].Values.Count; j++, row++)
                {
                    var v = _p.Outcomes[i].Values[j];
                    var resolved = appraiser.ResolveValue(_p, v);
                    var (ob, obRule) = appraiser.ResolveOptimismBias(v);
                    var vb = appraiser.Deflator.Uprate(resolved.Amount, resolved.PriceYear, _p.PriceBase);
                    _values.Add((i, j, v, resolved, ob, vb));
                    s.Text(row, 1, $"outcomes[{i}].values[{j}]");
                    s.TextFormula(row, 2, XlsxSheet.Ref(InputsSheet, _outcomeFirst + i, 2), _p.Outcomes[i].Name);
                    s.Text(row, 3, v.Type.ToString().ToLowerInvariant(), XlsxStyle.Input);
                    s.Text(row, 4, v.Agency, XlsxStyle.Input);
                    s.Number(row, 5, v.Transfer ? 1 : 0, XlsxStyle.Input);
                    s.Number(row, 6, v.Cashable, XlsxStyle.InputRate);
                    s.Text(row, 7, resolved.Reference);
                    s.Text(row, 8, resolved.Edition);
                    s.Text(row, 9, resolved.Source);
                    s.Number(row, 10, resolved.Amount, XlsxStyle.InputMoney);
                    s.Text(row, 11, resolved.PriceYear.ToString(), XlsxStyle.Input);
                    s.Number(row, 12, appraiser.Deflator.Index(resolved.PriceYear), XlsxStyle.Input);
                    s.Number(row, 13, ob, XlsxStyle.InputRate);
                    s.Text(row, 14, obRule, XlsxStyle.Note);
                }
            }

            row++;
            s.Text(row++, 1, "Discount rate by year", XlsxStyle.Title);
            Headers(s, row++, "t", "Rate r(t)", result.Schedule.Citation);
            _rateFirst = row;
            for (var t = 0; t < _p.HorizonYears; t++, row++)
            {
                s.Number(row, 1, t);
                s.Number(row, 2, t == 0 ? 0m : result.Schedule.Rate(t), XlsxStyle.InputRate);
            }

            s.FrozenRows = 1;
        }

        private void BuildCalculations()
        {
            var s = Calculations;
            var n = _p.HorizonYears;
            s.ColumnWidths[1] = 26;
            s.ColumnWidths[2] = 16;
            s.Text(1, 1, "Calculations: every cell is a formula over Inputs (docs/cba-method.md gives the method).", XlsxStyle.Title);
            var row = 3;
            s.Text(row++, 1, "Unit costs in the price base, raised by optimism bias: C_b = C × I(b) / I(p); C_b × (1 + ob)", XlsxStyle.Title);
            Headers(s, row++, "Line", "C_b £", "C_b × (1 + ob) £");
            _costUnitFirst = row;
            for (var i = 0; i < _p.Costs.Count; i++, row++)
            {
                var c = _p.Costs[i];
                var ir = _costFirst + i;
                var cb = appraiser.Deflator.Uprate(c.Amount, c.PriceYear ?? _p.PriceBase, _p.PriceBase);
                s.Text(row, 1, $"costs[{i}]");
                s.Formula(row, 2, $"{In(ir, 6)}*{_indexBase}/{In(ir, 8)}", cb, XlsxStyle.Money);
                s.Formula(row, 3, $"{XlsxSheet.Ref(row, 2)}*(1+{In(ir, 9)})", cb * (1m + c.OptimismBias), XlsxStyle.Money);
            }

            row++;
            s.Text(row++, 1, "Values in the price base, reduced by optimism bias: v_b = v × I(b) / I(p); v_b × (1 − ob)", XlsxStyle.Title);
            Headers(s, row++, "Line", "v_b £", "v_b × (1 − ob) £");
            _valueUnitFirst = row;
            for (var k = 0; k < _values.Count; k++, row++)
            {
                var v = _values[k];
                var ir = _valueFirst + k;
                s.Text(row, 1, $"outcomes[{v.Outcome}].values[{v.Index}]");
                s.Formula(row, 2, $"{In(ir, 10)}*{_indexBase}/{In(ir, 12)}", v.Vb, XlsxStyle.Money);
                s.Formula(row, 3, $"{XlsxSheet.Ref(row, 2)}*(1-{In(ir, 13)})", v.Vb * (1m - v.Ob), XlsxStyle.Money);
            }

            row++;
            s.Text(row++, 1, "Net additional achievers a cohort: N = R × engagement × success × (1 − deadweight)(1 − attribution)(1 − displacement)", XlsxStyle.Title);
            Headers(s, row++, "Outcome", "Cohort", "N");
            for (var i = 0; i < _p.Outcomes.Count; i++)
            {
                var or = _outcomeFirst + i;
                for (var c = 0; c < _p.Cohorts.Count; c++, row++)
                {
                    var cr = _cohortFirst + c;
                    s.TextFormula(row, 1, In(or, 2), _p.Outcomes[i].Name);
                    s.Text(row, 2, $"cohorts[{c}]");
                    s.Formula(row, 3, $"{In(cr, 3)}*{_engagement}*{In(or, 3)}*(1-{In(or, 4)})*(1-{In(or, 5)})*(1-{In(or, 6)})",
                        Appraiser.NetAdditional(_p, _p.Outcomes[i], _p.Cohorts[c]), XlsxStyle.Factor);
                    _netRow[(i, c)] = row;
                }
            }

            row++;
            s.Text(row++, 1, "By year: costs (C_b × (1 + ob) × units), outcome-years O_t (with lag, duration and drop-off), benefits O_t × v_b × (1 − ob), totals and discounting", XlsxStyle.Title);
            _costCol = 5;
            _outcomeCol = _costCol + _p.Costs.Count;
            _valueCol = _outcomeCol + _p.Outcomes.Count;
            var totalsCol = _valueCol + _values.Count;
            string[] totals = ["Costs", "Fiscal", "Fiscal cashable", "Fiscal transfers", "Economic", "Social", "Public value", "Discounted fiscal net", "Cumulative discounted fiscal net", "Paid back (t, else 1E9)"];
            for (var k = 0; k < totals.Length; k++)
            {
                _totalCol[totals[k]] = totalsCol + k;
            }

            // Attribute rows above the columns let SUMIF/SUMPRODUCT pick costs and benefits by agency, type and flags.
            _typeRow = row;
            _agencyRow = row + 1;
            _transferRow = row + 2;
            _cashableRow = row + 3;
            s.Text(_typeRow, 4, "type", XlsxStyle.Note);
            s.Text(_agencyRow, 4, "agency", XlsxStyle.Note);
            s.Text(_transferRow, 4, "transfer", XlsxStyle.Note);
            s.Text(_cashableRow, 4, "cashable", XlsxStyle.Note);
            for (var i = 0; i < _p.Costs.Count; i++)
            {
                s.TextFormula(_typeRow, _costCol + i, "\"cost\"", "cost");
                s.TextFormula(_agencyRow, _costCol + i, In(_costFirst + i, 2), _p.Costs[i].Agency);
            }

            for (var k = 0; k < _values.Count; k++)
            {
                var v = _values[k];
                var ir = _valueFirst + k;
                s.TextFormula(_typeRow, _valueCol + k, In(ir, 3), v.Line.Type.ToString().ToLowerInvariant());
                s.TextFormula(_agencyRow, _valueCol + k, $"IF({In(ir, 4)}=\"\",\"(unattributed)\",{In(ir, 4)})",
                    string.IsNullOrWhiteSpace(v.Line.Agency) ? "(unattributed)" : v.Line.Agency);
                s.Formula(_transferRow, _valueCol + k, In(ir, 5), v.Line.Transfer ? 1 : 0);
                s.Formula(_cashableRow, _valueCol + k, In(ir, 6), v.Line.Cashable, XlsxStyle.Rate);
            }

            var head = _cashableRow + 1;
            var headers = new List<string> { "t", "Financial year", "Discount rate", "Discount factor" };
            headers.AddRange(_p.Costs.Select((c, i) => $"Cost costs[{i}] £"));
            headers.AddRange(_p.Outcomes.Select((o, i) => $"O_t {o.Name}"));
            headers.AddRange(_values.Select(v => $"Benefit outcomes[{v.Outcome}].values[{v.Index}] £"));
            headers.AddRange(totals.Select(t => t.StartsWith("Paid", StringComparison.Ordinal) ? t : t + " £"));
            Headers(s, head, [.. headers]);
            _yearFirst = head + 1;
            _yearLast = head + n;
            var outcomeYears = _p.Outcomes.Select(o => Appraiser.OutcomeYears(_p, o)).ToList();
            var costByLine = result.Trace.Where(t => t.Kind == "cost").ToLookup(t => (t.Line, t.T));
            var valueByLine = result.Trace.Where(t => t.Kind != "cost").ToLookup(t => (t.Line, t.T));
            for (var t = 0; t < n; t++)
            {
                var r = _yearFirst + t;
                var year = result.Years[t];
                var tRef = XlsxSheet.Ref(r, 1, absolute: false).Insert(0, "$");
                s.Number(r, 1, t);
                s.Text(r, 2, year.FiscalYear.ToString());
                s.Formula(r, 3, In(_rateFirst + t, 2), t == 0 ? 0m : result.Schedule.Rate(t), XlsxStyle.Rate);
                s.Formula(r, 4, t == 0 ? "1" : $"{XlsxSheet.Ref(r - 1, 4)}/(1+{XlsxSheet.Ref(r, 3)})", year.DiscountFactor, XlsxStyle.Factor);
                for (var i = 0; i < _p.Costs.Count; i++)
                {
                    var ir = _costFirst + i;
                    var referrals = _p.Cohorts.Count == 0 ? "0"
                        : $"SUMIF({XlsxSheet.Range(InputsSheet, _cohortFirst, 2, _cohortFirst + _p.Cohorts.Count - 1, 2)},{tRef},{XlsxSheet.Range(InputsSheet, _cohortFirst, 3, _cohortFirst + _p.Cohorts.Count - 1, 3)})";
                    var formula = $"IF({In(ir, 4)}=\"fixed\",IF({In(ir, 5)}={tRef},1,0),IF(OR({In(ir, 5)}=\"\",{In(ir, 5)}={tRef}),{referrals},0)*IF({In(ir, 4)}=\"engaged\",{_engagement},1))*{XlsxSheet.Ref(_costUnitFirst + i, 3, absolute: true)}";
                    s.Formula(r, _costCol + i, formula, costByLine[($"costs[{i}]", t)].Sum(x => x.Amount), XlsxStyle.Money);
                }

                for (var i = 0; i < _p.Outcomes.Count; i++)
                {
                    var or = _outcomeFirst + i;
                    var terms = Enumerable.Range(0, _p.Cohorts.Count).Select(c =>
                    {
                        var k = $"({tRef}-{In(_cohortFirst + c, 2)}-{In(or, 7)})";
                        return $"IF(AND({k}>=0,{k}<{In(or, 8)}),{XlsxSheet.Ref(_netRow[(i, c)], 3, absolute: true)}*IF({k}=0,1,(1-{In(or, 9)})^{k}),0)";
                    }).ToList();
                    s.Formula(r, _outcomeCol + i, terms.Count == 0 ? "0" : string.Join("+", terms), outcomeYears[i][t], XlsxStyle.Factor);
                }

                for (var k = 0; k < _values.Count; k++)
                {
                    var v = _values[k];
                    s.Formula(r, _valueCol + k, $"{XlsxSheet.Ref(r, _outcomeCol + v.Outcome)}*{XlsxSheet.Ref(_valueUnitFirst + k, 3, absolute: true)}",
                        valueByLine[($"outcomes[{v.Outcome}].values[{v.Index}]", t)].Sum(x => x.Amount), XlsxStyle.Money);
                }

                var values = _values.Count == 0 ? null : $"{XlsxSheet.Ref(r, _valueCol)}:{XlsxSheet.Ref(r, _valueCol + _values.Count - 1)}";
                string Attr(int attrRow) => $"{XlsxSheet.Ref(attrRow, _valueCol, absolute: true)}:{XlsxSheet.Ref(attrRow, _valueCol + _values.Count - 1, absolute: true)}";
                string ByType(string type) => values is null ? "0" : $"SUMIF({Attr(_typeRow)},\"{type}\",{values})";
                var col = _totalCol;
                string C(string name) => XlsxSheet.Ref(r, col[name]);
                s.Formula(r, col["Costs"], _p.Costs.Count == 0 ? "0" : $"SUM({XlsxSheet.Ref(r, _costCol)}:{XlsxSheet.Ref(r, _costCol + _p.Costs.Count - 1)})", year.Costs, XlsxStyle.Money);
                s.Formula(r, col["Fiscal"], ByType("fiscal"), year.Fiscal, XlsxStyle.Money);
                s.Formula(r, col["Fiscal cashable"], values is null ? "0" : $"SUMPRODUCT(({Attr(_typeRow)}=\"fiscal\")*{Attr(_cashableRow)}*{values})", year.FiscalCashable, XlsxStyle.Money);
                s.Formula(r, col["Fiscal transfers"], values is null ? "0" : $"SUMPRODUCT(({Attr(_typeRow)}=\"fiscal\")*({Attr(_transferRow)}=1)*{values})", year.FiscalTransfers, XlsxStyle.Money);
                s.Formula(r, col["Economic"], ByType("economic"), year.Economic, XlsxStyle.Money);
                s.Formula(r, col["Social"], ByType("social"), year.Social, XlsxStyle.Money);
                s.Formula(r, col["Public value"], $"{C("Fiscal")}-{C("Fiscal transfers")}+{C("Economic")}+{C("Social")}", year.PublicValue, XlsxStyle.Money);
                s.Formula(r, col["Discounted fiscal net"], $"({C("Fiscal")}-{C("Costs")})*{XlsxSheet.Ref(r, 4)}", year.DiscountedFiscalNet, XlsxStyle.Money);
                s.Formula(r, col["Cumulative discounted fiscal net"],
                    t == 0 ? C("Discounted fiscal net") : $"{XlsxSheet.Ref(r - 1, col["Cumulative discounted fiscal net"])}+{C("Discounted fiscal net")}",
                    year.CumulativeDiscountedFiscalNet, XlsxStyle.Money);
                s.Formula(r, col["Paid back (t, else 1E9)"], $"IF({C("Cumulative discounted fiscal net")}>=0,{tRef},1000000000)",
                    year.CumulativeDiscountedFiscalNet >= 0m ? t : 1_000_000_000m, XlsxStyle.Count);
            }

            _pvRow = _yearLast + 1;
            _pvCashRow = _yearLast + 2;
            s.Text(_pvRow, 2, "Present value", XlsxStyle.Header);
            s.Text(_pvCashRow, 2, "PV cashable", XlsxStyle.Header);
            var df = $"{XlsxSheet.Ref(_yearFirst, 4, absolute: true)}:{XlsxSheet.Ref(_yearLast, 4, absolute: true)}";
            string Pv(int column) => $"SUMPRODUCT({XlsxSheet.Ref(_yearFirst, column)}:{XlsxSheet.Ref(_yearLast, column)},{df})";
            var agencyPv = result.Trace.ToLookup(t => t.Line);
            for (var i = 0; i < _p.Costs.Count; i++)
            {
                s.Formula(_pvRow, _costCol + i, Pv(_costCol + i), agencyPv[$"costs[{i}]"].Sum(x => x.Amount * x.DiscountFactor), XlsxStyle.Money);
            }

            for (var k = 0; k < _values.Count; k++)
            {
                var v = _values[k];
                var pv = agencyPv[$"outcomes[{v.Outcome}].values[{v.Index}]"].Sum(x => x.Amount * x.DiscountFactor);
                s.Formula(_pvRow, _valueCol + k, Pv(_valueCol + k), pv, XlsxStyle.Money);
                s.Formula(_pvCashRow, _valueCol + k, $"{XlsxSheet.Ref(_pvRow, _valueCol + k)}*{XlsxSheet.Ref(_cashableRow, _valueCol + k)}", pv * v.Line.Cashable, XlsxStyle.Money);
            }

            foreach (var name in totals.Take(7))
            {
                s.Formula(_pvRow, _totalCol[name], Pv(_totalCol[name]), null, XlsxStyle.Money);
            }

            for (var c = 3; c <= totalsCol + totals.Length; c++)
            {
                s.ColumnWidths.TryAdd(c, 16);
            }

            s.FrozenRows = 0;
        }

        private void BuildAgencies()
        {
            var s = Agencies;
            s.ColumnWidths[1] = 34;
            for (var c = 2; c <= 5; c++)
            {
                s.ColumnWidths[c] = 20;
            }

            s.Text(1, 1, "Who pays and who benefits (present values)", XlsxStyle.Title);
            Headers(s, 3, "Agency", "PV costs paid £", "PV fiscal benefits received £", "of which cashable £", "Net £");
            string CalcRange(int row, int first, int count) => XlsxSheet.Range(CalculationsSheet, row, first, row, first + count - 1);
            for (var a = 0; a < result.ByAgency.Count; a++)
            {
                var line = result.ByAgency[a];
                var r = 4 + a;
                var name = XlsxSheet.Ref(r, 1);
                s.Text(r, 1, line.Agency);
                s.Formula(r, 2, _p.Costs.Count == 0 ? "0" : $"SUMIF({CalcRange(_agencyRow, _costCol, _p.Costs.Count)},{name},{CalcRange(_pvRow, _costCol, _p.Costs.Count)})", line.PvCosts, XlsxStyle.Money);
                var types = _values.Count == 0 ? "" : CalcRange(_typeRow, _valueCol, _values.Count);
                var agencies = _values.Count == 0 ? "" : CalcRange(_agencyRow, _valueCol, _values.Count);
                s.Formula(r, 3, _values.Count == 0 ? "0" : $"SUMIFS({CalcRange(_pvRow, _valueCol, _values.Count)},{agencies},{name},{types},\"fiscal\")", line.PvFiscalBenefits, XlsxStyle.Money);
                s.Formula(r, 4, _values.Count == 0 ? "0" : $"SUMIFS({CalcRange(_pvCashRow, _valueCol, _values.Count)},{agencies},{name},{types},\"fiscal\")", line.PvFiscalCashable, XlsxStyle.Money);
                s.Formula(r, 5, $"{XlsxSheet.Ref(r, 3)}-{XlsxSheet.Ref(r, 2)}", line.NetFiscal, XlsxStyle.Money);
            }

            var total = 4 + result.ByAgency.Count;
            s.Text(total, 1, "Total", XlsxStyle.Header);
            for (var c = 2; c <= 5; c++)
            {
                s.Formula(total, c, result.ByAgency.Count == 0 ? "0" : $"SUM({XlsxSheet.Ref(4, c)}:{XlsxSheet.Ref(total - 1, c)})", c switch
                {
                    2 => result.ByAgency.Sum(a => a.PvCosts),
                    3 => result.ByAgency.Sum(a => a.PvFiscalBenefits),
                    4 => result.ByAgency.Sum(a => a.PvFiscalCashable),
                    _ => result.ByAgency.Sum(a => a.NetFiscal),
                }, XlsxStyle.Money);
            }
        }

        private void BuildSummary(MonteCarloResult? monteCarlo, string? madeFrom)
        {
            var s = Summary;
            s.ColumnWidths[1] = 36;
            s.ColumnWidths[2] = 20;
            s.ColumnWidths[3] = 70;
            s.Text(1, 1, "Business case summary: " + _p.Name, XlsxStyle.Title);
            s.Text(2, 1, $"{_p.HorizonYears} years from {_p.StartYear}; {result.PriceBase}; {result.Schedule.Name}. Every figure below is a formula: change the yellow cells on Inputs and it moves.", XlsxStyle.Note);
            s.Text(3, 1, "Made by TotalPlace from " + (madeFrom ?? "the proposal file") + ".", XlsxStyle.Note);
            Headers(s, 5, "Measure", "Value", "Formula");
            string Total(string name) => XlsxSheet.Range(CalculationsSheet, _yearFirst, _totalCol[name], _yearLast, _totalCol[name]);
            var df = XlsxSheet.Range(CalculationsSheet, _yearFirst, 4, _yearLast, 4);
            string B(string key) => XlsxSheet.Ref(SummaryRows[key], 2);
            void Line(string key, string label, string formula, decimal? cached, string note, XlsxStyle style = XlsxStyle.Money)
            {
                var r = SummaryRows[key];
                s.Text(r, 1, label, XlsxStyle.Header);
                s.Formula(r, 2, formula, cached, style);
                s.Text(r, 3, note, XlsxStyle.Note);
            }

            Line("PvCosts", "PV costs", $"SUMPRODUCT({Total("Costs")},{df})", result.PvCosts, "Σ costs_t × DF_t");
            Line("PvFiscal", "PV fiscal benefits", $"SUMPRODUCT({Total("Fiscal")},{df})", result.PvFiscal, "Σ fiscal_t × DF_t, transfers included");
            Line("PvFiscalCashable", "PV fiscal benefits, cashable", $"SUMPRODUCT({Total("Fiscal cashable")},{df})", result.PvFiscalCashable, "Σ cashable_t × DF_t");
            Line("PvFiscalTransfers", "PV fiscal transfers", $"SUMPRODUCT({Total("Fiscal transfers")},{df})", result.PvFiscalTransfers, "excluded from public value");
            Line("PvEconomic", "PV economic benefits", $"SUMPRODUCT({Total("Economic")},{df})", result.PvEconomic, "Σ economic_t × DF_t");
            Line("PvSocial", "PV social benefits", $"SUMPRODUCT({Total("Social")},{df})", result.PvSocial, "Σ social_t × DF_t");
            Line("PvPublicValue", "PV public value", $"{B("PvFiscal")}-{B("PvFiscalTransfers")}+{B("PvEconomic")}+{B("PvSocial")}", result.PvPublicValue, "fiscal − transfers + economic + social");
            Line("NpvFiscal", "Fiscal NPV", $"{B("PvFiscal")}-{B("PvCosts")}", result.NpvFiscal, "PV fiscal − PV costs");
            Line("NpvPublicValue", "Public value NPV", $"{B("PvPublicValue")}-{B("PvCosts")}", result.NpvPublicValue, "PV public value − PV costs");
            var roiRow = SummaryRows["RoiFiscal"];
            s.Text(roiRow, 1, "Fiscal ROI (£ per £1 of cost)", XlsxStyle.Header);
            WriteRatio(roiRow, $"IF({B("PvCosts")}=0,\"n/a\",{B("PvFiscal")}/{B("PvCosts")})", result.RoiFiscal, "PV fiscal ÷ PV costs (TotalPlace convention)");
            var roiPvRow = SummaryRows["RoiPublicValue"];
            s.Text(roiPvRow, 1, "Public value ROI (£ per £1 of cost)", XlsxStyle.Header);
            WriteRatio(roiPvRow, $"IF({B("PvCosts")}=0,\"n/a\",{B("PvPublicValue")}/{B("PvCosts")})", result.RoiPublicValue, "PV public value ÷ PV costs");
            var paybackRow = SummaryRows["PaybackYearIndex"];
            var paidBack = Total("Paid back (t, else 1E9)");
            s.Text(paybackRow, 1, "Payback year t", XlsxStyle.Header);
            var paybackFormula = $"IF(AND({B("PvCosts")}>0,{B("PvFiscal")}>{B("PvCosts")},MIN({paidBack})<1000000000),MIN({paidBack}),\"none\")";
            if (result.PaybackYearIndex is { } payback)
            {
                s.Formula(paybackRow, 2, paybackFormula, payback, XlsxStyle.Count);
            }
            else
            {
                s.TextFormula(paybackRow, 2, paybackFormula, "none");
            }

            s.Text(paybackRow, 3, "first t whose cumulative discounted fiscal net ≥ 0, only when fiscal ROI > 1 (TotalPlace convention)", XlsxStyle.Note);
            var r = paybackRow + 1;
            s.Text(r, 1, "Payback financial year", XlsxStyle.Header);
            s.TextFormula(r, 2, $"IF(ISNUMBER({B("PaybackYearIndex")}),INDEX({XlsxSheet.Range(CalculationsSheet, _yearFirst, 2, _yearLast, 2)},{B("PaybackYearIndex")}+1),\"none\")",
                result.PaybackFiscalYear?.ToString() ?? "none");
            r++;
            s.Text(r, 1, "Fiscal IRR", XlsxStyle.Header);
            s.Number(r, 2, result.IrrFiscal, XlsxStyle.Rate);
            s.Text(r, 3, result.IrrFiscal is null ? "none: the net flows do not change sign" : "value from TotalPlace (undiscounted fiscal net flows); Excel's IRR() over Calculations gives the same rate", XlsxStyle.Note);
            r += 2;
            if (monteCarlo is not null)
            {
                s.Text(r++, 1, $"Monte Carlo: {monteCarlo.Iterations:N0} iterations, seed {monteCarlo.Seed} (values from TotalPlace, not formulas)", XlsxStyle.Title);
                Headers(s, r++, "Output", "P10", "P50", "P90");
                void Band(string label, double p10, double p50, double p90)
                {
                    s.Text(r, 1, label);
                    s.Number(r, 2, Finite(p10), XlsxStyle.Money);
                    s.Number(r, 3, Finite(p50), XlsxStyle.Money);
                    s.Number(r, 4, Finite(p90), XlsxStyle.Money);
                    r++;
                }

                Band("Fiscal NPV", monteCarlo.NpvFiscal.P10, monteCarlo.NpvFiscal.P50, monteCarlo.NpvFiscal.P90);
                Band("Public value NPV", monteCarlo.NpvPublicValue.P10, monteCarlo.NpvPublicValue.P50, monteCarlo.NpvPublicValue.P90);
                s.Text(r, 1, "P(fiscal NPV > 0)");
                s.Number(r++, 2, Finite(monteCarlo.ProbabilityNpvFiscalPositive), XlsxStyle.Rate);
                r++;
            }

            s.Text(r++, 1, "Conventions", XlsxStyle.Title);
            foreach (var convention in result.Conventions)
            {
                s.Text(r++, 1, convention);
            }

            void WriteRatio(int row, string formula, decimal? value, string note)
            {
                if (value is { } v)
                {
                    s.Formula(row, 2, formula, v, XlsxStyle.Rate);
                }
                else
                {
                    s.TextFormula(row, 2, formula, "n/a");
                }

                s.Text(row, 3, note, XlsxStyle.Note);
            }
        }

        private void BuildTrace()
        {
            var s = Trace;
            s.Text(1, 1, "How each figure was produced: one line per proposal line per year, with its unit cost, edition, source and rule", XlsxStyle.Title);
            Headers(s, 2, "t", "Financial year", "Kind", "Line", "Label", "Agency", "Transfer", "Unit cost", "Edition", "Source", "Rule", "Amount £", "Discount factor", "Present value £");
            var row = 3;
            foreach (var t in result.Trace)
            {
                s.Number(row, 1, t.T);
                s.Text(row, 2, t.FiscalYear.ToString());
                s.Text(row, 3, t.Kind);
                s.Text(row, 4, t.Line);
                s.Text(row, 5, t.Label);
                s.Text(row, 6, t.Agency);
                s.Text(row, 7, t.Transfer ? "yes" : "no");
                s.Text(row, 8, t.Reference);
                s.Text(row, 9, t.Edition);
                s.Text(row, 10, t.Source);
                s.Text(row, 11, t.Rule);
                s.Number(row, 12, t.Amount, XlsxStyle.Money);
                s.Number(row, 13, t.DiscountFactor, XlsxStyle.Factor);
                s.Formula(row, 14, $"{XlsxSheet.Ref(row, 12)}*{XlsxSheet.Ref(row, 13)}", t.PresentValue, XlsxStyle.Money);
                row++;
            }

            s.FrozenRows = 2;
            s.ColumnWidths[5] = 40;
            s.ColumnWidths[11] = 60;
        }

        private static string In(int row, int column) => XlsxSheet.Ref(InputsSheet, row, column);

        private static void Headers(XlsxSheet sheet, int row, params string[] headers)
        {
            for (var i = 0; i < headers.Length; i++)
            {
                sheet.Text(row, i + 1, headers[i], XlsxStyle.Header);
            }
        }

        private static decimal? Finite(double value) => double.IsFinite(value) ? (decimal)value : null;
    }
}
