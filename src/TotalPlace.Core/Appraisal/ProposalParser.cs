using System.Globalization;
using System.Text.Json;
using TotalPlace.Core.Appraisal.Uncertainty;

namespace TotalPlace.Core.Appraisal;

/// <summary>
/// Reads a proposal from JSON text (format: docs/proposal.schema.json), collecting every problem with its field
/// path rather than stopping at the first.
/// </summary>
/// <remarks>Parsing checks shape, types, required fields and ranges; <see cref="Appraiser.Validate"/> then checks
/// references (unit cost codes, deflator years, horizon). Core does no file access: the caller reads the file.</remarks>
public static class ProposalParser
{
    /// <summary>Parses <paramref name="json"/>.</summary>
    public static ProposalParseResult Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            return new ProposalParseResult(null, [new ProposalError("", $"not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}): {ex.Message}")]);
        }

        using (document)
        {
            var reader = new Reader();
            var proposal = reader.Proposal(document.RootElement);
            return new ProposalParseResult(reader.Errors.Count == 0 ? proposal : null, reader.Errors);
        }
    }

    private sealed class Reader
    {
        public List<ProposalError> Errors { get; } = [];

        public Proposal? Proposal(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                Error("", "the document must be a JSON object");
                return null;
            }

            Known(root, "", ["name", "description", "price_base", "start_year", "horizon_years", "discount", "cohorts", "engagement", "costs", "outcomes", "local_unit_costs", "uncertainty", "$schema"]);
            var name = String(root, "", "name", required: true) ?? "";
            var priceBase = Year(root, "", "price_base", required: true);
            var startYear = Year(root, "", "start_year", required: true);
            var horizon = Int(root, "", "horizon_years", required: true, min: 1) ?? 1;
            var discount = Enum(root, "", "discount", new Dictionary<string, DiscountKind>
            {
                ["standard"] = DiscountKind.Standard,
                ["health"] = DiscountKind.Health,
                ["sensitivity"] = DiscountKind.Sensitivity,
            }) ?? DiscountKind.Standard;
            var engagement = Rate(root, "", "engagement") ?? 1m;
            var cohorts = Array(root, "", "cohorts", required: true, (e, p) =>
            {
                Known(e, p, ["year", "referrals"]);
                return new Cohort(Int(e, p, "year", required: true, min: 0) ?? 0, Number(e, p, "referrals", required: true, min: 0m) ?? 0m);
            });
            var costs = Array(root, "", "costs", required: false, Cost);
            var outcomes = Array(root, "", "outcomes", required: false, Outcome);
            var local = Array(root, "", "local_unit_costs", required: false, LocalUnitCost);
            var uncertainty = Array(root, "", "uncertainty", required: false, Uncertain);
            if (Errors.Count > 0)
            {
                return null;
            }

            return new Proposal
            {
                Name = name,
                PriceBase = priceBase!.Value,
                StartYear = startYear!.Value,
                HorizonYears = horizon,
                Discount = discount,
                Engagement = engagement,
                Cohorts = cohorts,
                Costs = costs,
                Outcomes = outcomes,
                LocalUnitCosts = local,
                Uncertainty = uncertainty,
            };
        }

        private CostLine Cost(JsonElement e, string p)
        {
            Known(e, p, ["agency", "kind", "amount", "per", "year", "price_year", "optimism_bias", "description"]);
            return new CostLine
            {
                Agency = String(e, p, "agency", required: true) ?? "",
                Kind = Enum(e, p, "kind", new Dictionary<string, CostKind>
                {
                    ["capital"] = CostKind.Capital,
                    ["revenue"] = CostKind.Revenue,
                    ["in-kind"] = CostKind.InKind,
                }) ?? CostKind.Revenue,
                Amount = Number(e, p, "amount", required: true, min: 0m) ?? 0m,
                Per = Enum(e, p, "per", new Dictionary<string, CostBasis>
                {
                    ["fixed"] = CostBasis.Fixed,
                    ["referral"] = CostBasis.Referral,
                    ["engaged"] = CostBasis.Engaged,
                }) ?? CostBasis.Fixed,
                Year = Int(e, p, "year", required: false, min: 0),
                PriceYear = Year(e, p, "price_year", required: false),
                OptimismBias = Rate(e, p, "optimism_bias") ?? 0m,
                Description = String(e, p, "description", required: false),
            };
        }

        private Outcome Outcome(JsonElement e, string p)
        {
            Known(e, p, ["name", "success", "deadweight", "attribution", "displacement", "lag_years", "duration_years", "drop_off", "values"]);
            var success = Rate(e, p, "success");
            if (success is null && !Has(e, "success"))
            {
                Error(Path(p, "success"), "is required");
            }

            return new Outcome
            {
                Name = String(e, p, "name", required: true) ?? "",
                Success = success ?? 0m,
                Deadweight = Rate(e, p, "deadweight") ?? 0m,
                Attribution = Rate(e, p, "attribution") ?? 0m,
                Displacement = Rate(e, p, "displacement") ?? 0m,
                LagYears = Int(e, p, "lag_years", required: false, min: 0) ?? 0,
                DurationYears = Int(e, p, "duration_years", required: false, min: 1) ?? 1,
                DropOff = Rate(e, p, "drop_off") ?? 0m,
                Values = Array(e, p, "values", required: true, Value),
            };
        }

        private ValueLine Value(JsonElement e, string p)
        {
            Known(e, p, ["unit_cost", "amount", "price_year", "source", "type", "agency", "transfer", "cashable", "optimism_bias", "confidence", "description"]);
            var unitCost = String(e, p, "unit_cost", required: false);
            var amount = Number(e, p, "amount", required: false, min: 0m);
            var priceYear = Year(e, p, "price_year", required: false);
            var source = String(e, p, "source", required: false);
            if (unitCost is not null && Has(e, "amount"))
            {
                Error(p, "give unit_cost or amount, not both");
            }
            else if (unitCost is null && !Has(e, "amount"))
            {
                Error(p, "needs unit_cost, or amount with price_year and source");
            }
            else if (unitCost is null)
            {
                if (!Has(e, "price_year"))
                {
                    Error(Path(p, "price_year"), "is required with amount");
                }

                if (!Has(e, "source"))
                {
                    Error(Path(p, "source"), "is required with amount");
                }
            }

            var ob = Rate(e, p, "optimism_bias");
            var confidence = Has(e, "confidence") ? Scalar(e, p, "confidence") : null;
            if (Has(e, "optimism_bias") && confidence is not null)
            {
                Error(p, "give optimism_bias or confidence, not both");
            }

            var type = Enum(e, p, "type", new Dictionary<string, BenefitType>
            {
                ["fiscal"] = BenefitType.Fiscal,
                ["economic"] = BenefitType.Economic,
                ["social"] = BenefitType.Social,
            });
            if (type is null && !Has(e, "type"))
            {
                Error(Path(p, "type"), "is required (fiscal, economic or social)");
            }

            return new ValueLine
            {
                UnitCost = unitCost,
                Amount = amount,
                PriceYear = priceYear,
                Source = source,
                Type = type ?? BenefitType.Fiscal,
                Agency = String(e, p, "agency", required: type == BenefitType.Fiscal) ?? "",
                Transfer = Bool(e, p, "transfer") ?? false,
                Cashable = Rate(e, p, "cashable") ?? 1m,
                OptimismBias = ob,
                Confidence = confidence,
            };
        }

        private LocalUnitCost LocalUnitCost(JsonElement e, string p)
        {
            Known(e, p, ["code", "description", "type", "amount", "price_year", "source", "confidence"]);
            return new LocalUnitCost(
                String(e, p, "code", required: true) ?? "",
                String(e, p, "description", required: false) ?? "",
                Enum(e, p, "type", new Dictionary<string, BenefitType>
                {
                    ["fiscal"] = BenefitType.Fiscal,
                    ["economic"] = BenefitType.Economic,
                    ["social"] = BenefitType.Social,
                }) ?? BenefitType.Fiscal,
                Number(e, p, "amount", required: true, min: 0m) ?? 0m,
                Year(e, p, "price_year", required: true) ?? default,
                String(e, p, "source", required: true) ?? "",
                Has(e, "confidence") ? Scalar(e, p, "confidence") ?? "" : "");
        }

        private UncertainInput Uncertain(JsonElement e, string p)
        {
            Known(e, p, ["input", "distribution", "value", "low", "mode", "high", "mean", "sd"]);
            var input = String(e, p, "input", required: true) ?? "";
            if (input.Length > 0 && !ProposalInputs.IsSupported(input))
            {
                Error(Path(p, "input"), $"'{input}' is not an input that can vary (engagement, costs[i].amount|optimism_bias, outcomes[i].success|deadweight|attribution|displacement|drop_off, outcomes[i].values[j].amount|optimism_bias)");
            }

            var kind = Enum(e, p, "distribution", new Dictionary<string, DistributionKind>
            {
                ["fixed"] = DistributionKind.Fixed,
                ["uniform"] = DistributionKind.Uniform,
                ["triangular"] = DistributionKind.Triangular,
                ["pert"] = DistributionKind.Pert,
                ["normal"] = DistributionKind.Normal,
            });
            if (kind is null && !Has(e, "distribution"))
            {
                Error(Path(p, "distribution"), "is required (fixed, uniform, triangular, pert or normal)");
            }

            decimal Need(string field) => Number(e, p, field, required: true) ?? 0m;
            var errorsBefore = Errors.Count;
            var parameters = kind switch
            {
                DistributionKind.Fixed => (Need("value"), 0m, 0m, 0m, 0m),
                DistributionKind.Uniform => (Need("low"), 0m, Need("high"), 0m, 0m),
                DistributionKind.Triangular or DistributionKind.Pert => (Need("low"), Need("mode"), Need("high"), 0m, 0m),
                DistributionKind.Normal => (Need("low"), 0m, Need("high"), Need("mean"), Need("sd")),
                _ => (0m, 0m, 0m, 0m, 0m),
            };
            if (kind is null || Errors.Count > errorsBefore)
            {
                return new UncertainInput(input, Distribution.Fixed(0m));
            }

            var (low, mode, high, mean, sd) = parameters;
            try
            {
                return new UncertainInput(input, kind switch
                {
                    DistributionKind.Fixed => Distribution.Fixed(low),
                    DistributionKind.Uniform => Distribution.Uniform(low, high),
                    DistributionKind.Triangular => Distribution.Triangular(low, mode, high),
                    DistributionKind.Pert => Distribution.Pert(low, mode, high),
                    _ => Distribution.Normal(mean, sd, low, high),
                });
            }
            catch (ArgumentException ex)
            {
                Error(p, ex.Message.Split(" (Parameter", 2)[0]);
                return new UncertainInput(input, Distribution.Fixed(0m));
            }
        }

        private static bool Has(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null;

        private void Error(string path, string message) => Errors.Add(new ProposalError(path, message));

        private static string Path(string parent, string name) => parent.Length == 0 ? name : $"{parent}.{name}";

        private void Known(JsonElement e, string p, string[] names)
        {
            foreach (var property in e.EnumerateObject())
            {
                if (!names.Contains(property.Name, StringComparer.Ordinal))
                {
                    Error(Path(p, property.Name), $"is not a known field (known: {string.Join(", ", names.Where(n => n != "$schema"))})");
                }
            }
        }

        private string? Scalar(JsonElement e, string p, string name)
        {
            var v = e.GetProperty(name);
            return v.ValueKind switch
            {
                JsonValueKind.String => v.GetString(),
                JsonValueKind.Number => v.GetRawText(),
                _ => Fail<string>(Path(p, name), $"must be a string or number, not {Kind(v)}"),
            };
        }

        private T? Fail<T>(string path, string message)
        {
            Error(path, message);
            return default;
        }

        private string? String(JsonElement e, string p, string name, bool required)
        {
            if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
            {
                return required ? Fail<string>(Path(p, name), "is required") : null;
            }

            if (v.ValueKind != JsonValueKind.String)
            {
                return Fail<string>(Path(p, name), $"must be a string, not {Kind(v)}");
            }

            var s = v.GetString()!.Trim();
            return required && s.Length == 0 ? Fail<string>(Path(p, name), "must not be empty") : s;
        }

        private decimal? Number(JsonElement e, string p, string name, bool required, decimal? min = null)
        {
            if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
            {
                if (required)
                {
                    Error(Path(p, name), "is required");
                }

                return null;
            }

            if (v.ValueKind != JsonValueKind.Number || !v.TryGetDecimal(out var d))
            {
                Error(Path(p, name), v.ValueKind == JsonValueKind.Number ? $"{v.GetRawText()} is out of range" : $"must be a number, not {Kind(v)}");
                return null;
            }

            if (min is { } m && d < m)
            {
                Error(Path(p, name), $"{Fmt(d)} is less than {Fmt(m)}");
                return null;
            }

            return d;
        }

        private decimal? Rate(JsonElement e, string p, string name)
        {
            var d = Number(e, p, name, required: false);
            if (d is { } r && (r < 0m || r > 1m))
            {
                Error(Path(p, name), $"{Fmt(r)} is not between 0 and 1");
                return null;
            }

            return d;
        }

        private int? Int(JsonElement e, string p, string name, bool required, int min)
        {
            var d = Number(e, p, name, required);
            if (d is not { } value)
            {
                return null;
            }

            if (value != decimal.Truncate(value) || value > int.MaxValue)
            {
                return Fail<int?>(Path(p, name), $"{Fmt(value)} is not a whole number");
            }

            if (value < min)
            {
                return Fail<int?>(Path(p, name), $"{Fmt(value)} is less than {min}");
            }

            return (int)value;
        }

        private bool? Bool(JsonElement e, string p, string name)
        {
            if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            return v.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? v.GetBoolean()
                : Fail<bool?>(Path(p, name), $"must be true or false, not {Kind(v)}");
        }

        private FiscalYear? Year(JsonElement e, string p, string name, bool required)
        {
            if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
            {
                return required ? Fail<FiscalYear?>(Path(p, name), "is required") : null;
            }

            if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var start) && start >= FiscalYear.MinStartYear && start <= FiscalYear.MaxStartYear)
            {
                return FiscalYear.StartingIn(start);
            }

            return v.ValueKind == JsonValueKind.String && FiscalYear.TryParse(v.GetString(), out var year)
                ? year
                : Fail<FiscalYear?>(Path(p, name), $"{v.GetRawText()} is not a financial year; write it as \"2015-16\"");
        }

        private T? Enum<T>(JsonElement e, string p, string name, Dictionary<string, T> values)
            where T : struct
        {
            if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (v.ValueKind == JsonValueKind.String && values.TryGetValue(v.GetString()!.Trim().ToLowerInvariant(), out var result))
            {
                return result;
            }

            return Fail<T?>(Path(p, name), $"{v.GetRawText()} is not one of {string.Join(", ", values.Keys)}");
        }

        private IReadOnlyList<T> Array<T>(JsonElement e, string p, string name, bool required, Func<JsonElement, string, T> item)
        {
            if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
            {
                if (required)
                {
                    Error(Path(p, name), "is required");
                }

                return [];
            }

            if (v.ValueKind != JsonValueKind.Array)
            {
                return Fail<IReadOnlyList<T>>(Path(p, name), $"must be an array, not {Kind(v)}") ?? [];
            }

            var list = new List<T>();
            var i = 0;
            foreach (var element in v.EnumerateArray())
            {
                var path = string.Create(CultureInfo.InvariantCulture, $"{Path(p, name)}[{i}]");
                if (element.ValueKind != JsonValueKind.Object)
                {
                    Error(path, $"must be an object, not {Kind(element)}");
                }
                else
                {
                    list.Add(item(element, path));
                }

                i++;
            }

            return list;
        }

        private static string Kind(JsonElement v) => v.ValueKind switch
        {
            JsonValueKind.String => $"the string {v.GetRawText()}",
            JsonValueKind.Number => $"the number {v.GetRawText()}",
            JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
            JsonValueKind.Array => "an array",
            JsonValueKind.Object => "an object",
            _ => "null",
        };

        private static string Fmt(decimal d) => d.ToString(CultureInfo.InvariantCulture);
    }
}
