using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using TotalPlace.Core;
using TotalPlace.Core.Counting;
using TotalPlace.Core.Places;

namespace TotalPlace.Import.Packages;

/// <summary>Reads and checks a place package folder: <c>place.json</c> in the current format
/// ("totalplace-place-package/1") or the first draft ("draft 0.1"), and the files it names.</summary>
/// <remarks>Both formats are read by one path: version 1 only adds fields (partner aliases and threshold, a share
/// basis kind, per-file sha256) and makes <c>serves</c> always a list, so a draft is a version 1 package with those
/// fields absent. A share is applied as its exact fraction when numerator and denominator are given; a stated value
/// that disagrees with its fraction beyond its own rounding is an error, since one of the two is wrong.</remarks>
public static class PlacePackageReader
{
    /// <summary>The current format's name.</summary>
    public const string CurrentFormat = "totalplace-place-package/1";

    /// <summary>Reads the package in <paramref name="directory"/> and checks every file it names exists (and matches
    /// its SHA-256 when stated).</summary>
    public static PlacePackageReadResult Read(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        var path = Path.Combine(directory, "place.json");
        if (!File.Exists(path))
        {
            return new PlacePackageReadResult(null, [new PackageIssue("(file)", $"no place.json in {directory}")]);
        }

        var result = Parse(File.ReadAllText(path));
        if (result.Package is null)
        {
            return result;
        }

        var issues = result.Issues.ToList();
        var checkedFiles = new HashSet<string>(StringComparer.Ordinal);
        for (var p = 0; p < result.Package.Partners.Count; p++)
        {
            var partner = result.Package.Partners[p];
            for (var f = 0; f < partner.Files.Count; f++)
            {
                var file = partner.Files[f];
                var full = Path.Combine(directory, file.Path);
                if (!File.Exists(full))
                {
                    issues.Add(new PackageIssue($"partners[{p}].files[{f}].path", $"'{file.Path}' is not in the package folder"));
                }
                else if (file.Sha256 is { } expected && checkedFiles.Add(file.Path))
                {
                    var actual = SpendFileReader.ComputeSha256(full);
                    if (!string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
                    {
                        issues.Add(new PackageIssue($"partners[{p}].files[{f}].sha256", $"'{file.Path}' has SHA-256 {actual}, not {expected} as the package states: the file was changed or replaced"));
                    }
                }
            }
        }

        return new PlacePackageReadResult(result.Package, issues);
    }

    /// <summary>Parses place.json text; checks what can be checked without the files.</summary>
    public static PlacePackageReadResult Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            return new PlacePackageReadResult(null, [new PackageIssue($"line {ex.LineNumber + 1}", $"not valid JSON: {ex.Message}")]);
        }

        if (root is not JsonObject doc)
        {
            return new PlacePackageReadResult(null, [new PackageIssue("$", "place.json must hold one JSON object")]);
        }

        var issues = new List<PackageIssue>();
        var format = Text(doc, "format") ?? "(none)";
        if (format != CurrentFormat && !format.Contains("draft 0.1", StringComparison.OrdinalIgnoreCase))
        {
            issues.Add(new PackageIssue("format", $"'{format}' is not a format this version reads ({CurrentFormat} or the draft 0.1); read as {CurrentFormat}", IsError: false));
        }

        var place = doc["place"] as JsonObject;
        var placeCode = place is null ? null : Text(place, "code");
        if (placeCode is null || !Place.IsGssCode(placeCode))
        {
            issues.Add(new PackageIssue("place.code", $"'{placeCode}' is not a GSS code (a capital letter and eight digits)"));
        }

        var yearText = Text(doc, "financial_year");
        if (!FiscalYear.TryParse(yearText, CultureInfo.InvariantCulture, out var year))
        {
            issues.Add(new PackageIssue("financial_year", $"'{yearText}' is not a financial year such as 2023-24"));
        }

        long? population = place?["population"] is JsonValue pv && pv.TryGetValue<long>(out var pop) ? pop : null;
        var shaByPath = (doc["files"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Where(f => Text(f, "path") is not null && Text(f, "sha256") is not null)
            .GroupBy(f => Text(f, "path")!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Text(g.First(), "sha256"), StringComparer.Ordinal);

        var partners = new List<PackagePartner>();
        var partnerNodes = doc["partners"] as JsonArray ?? [];
        if (partnerNodes.Count == 0)
        {
            issues.Add(new PackageIssue("partners", "a package needs at least one partner"));
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var p = 0; p < partnerNodes.Count; p++)
        {
            if (partnerNodes[p] is not JsonObject node)
            {
                issues.Add(new PackageIssue($"partners[{p}]", "a partner must be an object"));
                continue;
            }

            var partner = ReadPartner(node, $"partners[{p}]", population, shaByPath, issues);
            if (partner is not null && !ids.Add(partner.Id))
            {
                issues.Add(new PackageIssue($"partners[{p}].id", $"the id '{partner.Id}' is used twice"));
            }

            if (partner is not null)
            {
                partners.Add(partner);
            }
        }

        var gaps = (doc["gaps"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Select(g => $"{Text(g, "partner")}: {Text(g, "what")}" + (Text(g, "where") is { } w ? $" ({w})" : string.Empty))
            .ToList();
        var package = new PlacePackage(
            Text(doc, "package") ?? Text(doc, "name") ?? placeCode ?? "package",
            format,
            placeCode ?? string.Empty,
            (place is null ? null : Text(place, "name")) ?? placeCode ?? string.Empty,
            population,
            place is null ? null : Text(place, "population_source"),
            year,
            partners,
            gaps);
        return new PlacePackageReadResult(package, issues);
    }

    private static PackagePartner? ReadPartner(JsonObject node, string where, long? population, Dictionary<string, string?> shaByPath, List<PackageIssue> issues)
    {
        var id = Text(node, "id");
        var name = Text(node, "name");
        if (id is null || name is null)
        {
            issues.Add(new PackageIssue(where, "a partner needs an id and a name"));
            return null;
        }

        var share = ReadShare(node["share"] as JsonObject, $"{where}.share", population, issues);
        var files = new List<PackageFile>();
        var fileNodes = node["files"] as JsonArray ?? [];
        for (var f = 0; f < fileNodes.Count; f++)
        {
            if (fileNodes[f] is JsonObject file && ReadFile(file, $"{where}.files[{f}]", shaByPath, issues) is { } read)
            {
                files.Add(read);
            }
        }

        var threshold = Text(node, "threshold")
            ?? fileNodes.OfType<JsonObject>().Select(f => Text(f, "threshold")).FirstOrDefault(t => t is not null);
        var kind = KindOf(Text(node, "kind"));
        var aliases = Strings(node["aliases"]);
        if (node["aliases"] is null)
        {
            // The draft had no aliases: derive the usual names of a body of this kind, and say so, so flows paid to
            // "Lancashire Police Authority" are still found. A package that lists aliases (even none) gets exactly those.
            aliases = [.. PartnerAliases.Derive(name, kind)];
            if (aliases.Count > 0)
            {
                issues.Add(new PackageIssue($"{where}.aliases", $"none given; derived from the name: {string.Join("; ", aliases)}", IsError: false));
            }
        }

        return new PackagePartner(
            id,
            name,
            kind,
            Text(node, "code"),
            Text(node, "code_scheme") ?? "GSS",
            share,
            aliases,
            threshold,
            files,
            Strings(node["missing"]));
    }

    private static PartnerShare ReadShare(JsonObject? node, string where, long? population, List<PackageIssue> issues)
    {
        if (node is null)
        {
            issues.Add(new PackageIssue(where, "no share given: counted whole (1); state the share and its basis", IsError: false));
            return PartnerShare.Whole;
        }

        var basis = Text(node, "basis") ?? "population";
        var value = Number(node, "value");
        var numerator = Number(node, "numerator");
        var denominator = Number(node, "denominator");
        try
        {
            if (numerator is { } n && denominator is { } d)
            {
                var share = PartnerShare.FromFraction(n, d, basis);
                if (value is { } stated && Math.Abs(stated - share.Value) > HalfUnitOfLastPlace(stated))
                {
                    issues.Add(new PackageIssue($"{where}.value", $"{stated} disagrees with {n} / {d} = {share.Value:0.########}"));
                }

                return share;
            }

            if (value is { } v)
            {
                return v == 1m && Text(node, "basis") is null ? PartnerShare.Whole : PartnerShare.Stated(v, basis);
            }
        }
        catch (ArgumentOutOfRangeException ex)
        {
            issues.Add(new PackageIssue(where, $"the share is impossible: {ex.Message.Split(Environment.NewLine)[0]}"));
            return PartnerShare.Whole;
        }

        issues.Add(new PackageIssue(where, $"a share needs a value or a numerator and denominator{(population is null ? string.Empty : $" (the place's population is {population})")}"));
        return PartnerShare.Whole;
    }

    private static decimal HalfUnitOfLastPlace(decimal stated)
    {
        var places = (decimal.GetBits(stated)[3] >> 16) & 0xFF;
        return 0.5m / (decimal)Math.Pow(10, places) + 0.0000000001m;
    }

    private static PackageFile? ReadFile(JsonObject node, string where, Dictionary<string, string?> shaByPath, List<PackageIssue> issues)
    {
        var path = Text(node, "path");
        var roleText = Text(node, "role");
        if (path is null || Path.IsPathRooted(path) || path.Split('/', '\\').Contains(".."))
        {
            issues.Add(new PackageIssue($"{where}.path", $"'{path}' must be a path inside the package folder"));
            return null;
        }

        if (!Enum.TryParse<PackageFileRole>(roleText, ignoreCase: true, out var role))
        {
            issues.Add(new PackageIssue($"{where}.role", $"'{roleText}' is not a role (transactions, outturn, budget, allocation)"));
            return null;
        }

        var select = node["select"] as JsonObject;
        if (role is PackageFileRole.Outturn or PackageFileRole.Budget or PackageFileRole.Allocation && select?["value"] is null)
        {
            issues.Add(new PackageIssue($"{where}.select", $"a {role.ToString().ToLowerInvariant()} file needs select.value: the code of the partner's rows"));
        }

        return new PackageFile(
            path.Replace('\\', '/'),
            role,
            Text(node, "period") ?? string.Empty,
            Strings(node["sheets"]),
            select is null ? null : Text(select, "sheet"),
            select is null ? null : Text(select, "column"),
            select is null ? null : Text(select, "value"),
            Text(node, "sha256") ?? shaByPath.GetValueOrDefault(path));
    }

    private static AgencyKind KindOf(string? kind) => kind?.ToLowerInvariant() switch
    {
        "local-authority" => AgencyKind.LocalAuthority,
        "police" => AgencyKind.Police,
        "fire" => AgencyKind.FireAndRescue,
        "icb" or "nhs" or "nhs-trust" => AgencyKind.Nhs,
        "central-department" => AgencyKind.CentralDepartment,
        "education" => AgencyKind.Education,
        "housing" => AgencyKind.Housing,
        "third-sector" => AgencyKind.ThirdSector,
        _ => AgencyKind.Other,
    };

    private static string? Text(JsonObject node, string name) =>
        node[name] is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;

    private static decimal? Number(JsonObject node, string name) =>
        node[name] is JsonValue v && v.TryGetValue<decimal>(out var d) ? d : null;

    private static List<string> Strings(JsonNode? node) => node switch
    {
        JsonArray array => [.. array.OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var s) ? s : null).OfType<string>()],
        JsonValue value when value.TryGetValue<string>(out var s) => [s],
        _ => [],
    };
}
