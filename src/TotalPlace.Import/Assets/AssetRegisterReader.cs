using System.Globalization;
using System.Text;
using ExcelDataReader;
using nietras.SeparatedValues;
using TotalPlace.Core.Assets;

namespace TotalPlace.Import.Assets;

/// <summary>
/// Reads a land-and-building asset register in the Local Government Transparency Code layout (UPRN, name, street number
/// and name, post town, postcode, easting and northing or latitude and longitude, tenure, tenure category) plus floor
/// area, running cost, utilisation and condition where given. CSV (UTF-8 or Windows-1252, comma or semicolon) or Excel
/// (.xlsx, .xls), told apart by content. The header row is found among the first rows by its names.
/// </summary>
public static class AssetRegisterReader
{
    private enum Field { Uprn, Name, Address, StreetNumber, StreetName, Town, Postcode, Easting, Northing, Latitude, Longitude, Tenure, TenureCategory, FloorArea, RunningCost, Utilisation, Condition }

    // Header names seen in published registers, compared as lower-case letters and digits only.
    private static readonly (Field Field, string[] Names)[] s_aliases =
    [
        (Field.Uprn, ["uprn", "uniquepropertyreferencenumber", "uniquepropertyreferencenumberuprn"]),
        (Field.Name, ["propertyname", "assetname", "name", "buildingname", "sitename", "nameofthebuildingland", "nameofbuildingland", "propertyassetname"]),
        (Field.Address, ["address", "fulladdress", "propertyaddress", "siteaddress"]),
        (Field.StreetNumber, ["streetnumber", "buildingnumber", "housenumber"]),
        (Field.StreetName, ["streetname", "street"]),
        (Field.Town, ["posttown", "town", "city"]),
        (Field.Postcode, ["postcode", "postalcode", "postcodes"]),
        (Field.Easting, ["easting", "eastings", "mapreferenceeasting", "xcoordinate", "gridrefeasting"]),
        (Field.Northing, ["northing", "northings", "mapreferencenorthing", "ycoordinate", "gridrefnorthing"]),
        (Field.Latitude, ["latitude", "lat"]),
        (Field.Longitude, ["longitude", "long", "lon", "lng"]),
        (Field.Tenure, ["tenure", "tenuretype", "holdingtype", "freeholdorleasehold", "ownership", "tenuredescription"]),
        (Field.TenureCategory, ["tenurecategory", "typeofproperty", "propertytype", "landorbuilding", "assettype", "typeofpropertyland", "category"]),
        (Field.FloorArea, ["floorarea", "gia", "giam2", "grossinternalarea", "grossinternalaream2", "flooraream2", "floorareasqm"]),
        (Field.RunningCost, ["runningcost", "runningcosts", "annualrunningcost", "annualrunningcosts", "runningcostpa"]),
        (Field.Utilisation, ["utilisation", "utilization", "occupancy", "utilisationpercent", "utilisationrate", "spaceutilisation"]),
        (Field.Condition, ["condition", "conditionrating", "conditioncategory"]),
    ];

    /// <summary>Reads a register file; problems are returned as errors naming file, row and column, never thrown one at a time.</summary>
    public static async Task<AssetRegisterResult> ReadAsync(string path, string agency, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentException.ThrowIfNullOrWhiteSpace(agency);
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        return Read(bytes, Path.GetFileName(path), agency);
    }

    /// <summary>Reads a register from its bytes.</summary>
    public static AssetRegisterResult Read(byte[] bytes, string fileName, string agency)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var rows = IsExcel(bytes) ? ReadExcel(bytes) : ReadCsv(bytes);
        return Interpret(rows, fileName, agency);
    }

    private static bool IsExcel(byte[] b) =>
        (b.Length >= 4 && b[0] == 0x50 && b[1] == 0x4B && b[2] == 0x03 && b[3] == 0x04)
        || (b.Length >= 8 && b[0] == 0xD0 && b[1] == 0xCF && b[2] == 0x11 && b[3] == 0xE0);

    private static List<string[]> ReadExcel(byte[] bytes)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var stream = new MemoryStream(bytes, writable: false);
        using var reader = ExcelReaderFactory.CreateReader(stream);
        var rows = new List<string[]>();
        while (reader.Read())
        {
            var row = new string[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)?.Trim() ?? string.Empty;
            }

            rows.Add(row);
        }

        return rows;
    }

    private static List<string[]> ReadCsv(byte[] bytes)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            text = Encoding.GetEncoding(1252).GetString(bytes); // registers published from Excel on Windows
        }

        text = text.TrimStart('\uFEFF');
        var firstLine = text.AsSpan(0, Math.Max(0, text.IndexOfAny(['\r', '\n']) is var nl && nl >= 0 ? nl : text.Length));
        var delimiter = firstLine.Count(';') > firstLine.Count(',') ? ';' : ',';
        var rows = new List<string[]>();
        using var reader = Sep.New(delimiter).Reader(o => o with { HasHeader = false, DisableColCountCheck = true, Unescape = true }).FromText(text);
        foreach (var row in reader)
        {
            var cells = new string[row.ColCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = row[i].ToString().Trim();
            }

            rows.Add(cells);
        }

        return rows;
    }

    private static AssetRegisterResult Interpret(List<string[]> rows, string file, string agency)
    {
        var errors = new List<ImportError>();
        var headerIndex = -1;
        Dictionary<Field, int> columns = [];
        for (var r = 0; r < Math.Min(rows.Count, 15) && headerIndex < 0; r++)
        {
            var found = MapHeader(rows[r]);
            if (found.ContainsKey(Field.Name) && found.Count >= 3)
            {
                headerIndex = r;
                columns = found;
            }
        }

        if (headerIndex < 0)
        {
            errors.Add(new ImportError(file, 1, "(header)", string.Empty, "No header row found in the first 15 rows: an asset register needs a name column (e.g. \"Property Name\") and at least two of UPRN, address, postcode, easting/northing, latitude/longitude, tenure."));
            return new AssetRegisterResult([], errors);
        }

        var header = rows[headerIndex];
        var assets = new List<Asset>();
        for (var r = headerIndex + 1; r < rows.Count; r++)
        {
            var cells = rows[r];
            var rowNumber = r + 1;
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            string? Text(Field f) => columns.TryGetValue(f, out var c) && c < cells.Length && cells[c].Length > 0 ? cells[c] : null;
            T? Number<T>(Field f, Func<string, T?> parse, string rule) where T : struct
            {
                if (Text(f) is not { } raw)
                {
                    return null;
                }

                if (parse(raw) is { } value)
                {
                    return value;
                }

                errors.Add(new ImportError(file, rowNumber, header[columns[f]], raw, rule));
                return null;
            }

            var name = Text(Field.Name);
            if (name is null)
            {
                errors.Add(new ImportError(file, rowNumber, header[columns[Field.Name]], string.Empty, "Every asset needs a name."));
                continue;
            }

            var address = Text(Field.Address) ?? string.Join(", ", new[] { string.Join(' ', new[] { Text(Field.StreetNumber), Text(Field.StreetName) }.Where(s => s is not null)), Text(Field.Town) }.Where(s => !string.IsNullOrWhiteSpace(s)));
            assets.Add(new Asset
            {
                Agency = agency,
                Name = name,
                Uprn = Text(Field.Uprn),
                Address = string.IsNullOrWhiteSpace(address) ? null : address,
                Postcode = Text(Field.Postcode)?.ToUpperInvariant(),
                Easting = Number<double>(Field.Easting, ParseDouble, "An easting is metres on the British National Grid, 0 to 700000."),
                Northing = Number<double>(Field.Northing, ParseDouble, "A northing is metres on the British National Grid, 0 to 1300000."),
                Latitude = Number<double>(Field.Latitude, s => ParseDouble(s) is { } v && Math.Abs(v) <= 90 ? v : null, "A latitude is degrees between -90 and 90."),
                Longitude = Number<double>(Field.Longitude, s => ParseDouble(s) is { } v && Math.Abs(v) <= 180 ? v : null, "A longitude is degrees between -180 and 180."),
                Tenure = Text(Field.Tenure),
                TenureCategory = Text(Field.TenureCategory),
                FloorArea = Number<decimal>(Field.FloorArea, s => AmountParser.TryParse(s.Replace("m2", string.Empty, StringComparison.OrdinalIgnoreCase), out var v) && v >= 0 ? v : null, "A floor area is a number of square metres, not negative."),
                RunningCost = Number<decimal>(Field.RunningCost, s => AmountParser.TryParse(s, out var v) ? v : null, "A running cost is an amount in pounds."),
                Utilisation = Number<decimal>(Field.Utilisation, ParseShare, "Utilisation is a share: 0.45, 45 or 45%, between 0 and 100%."),
                Condition = Text(Field.Condition),
                SourceRow = rowNumber,
            });
        }

        return new AssetRegisterResult(assets, errors);
    }

    private static Dictionary<Field, int> MapHeader(string[] cells)
    {
        var map = new Dictionary<Field, int>();
        for (var i = 0; i < cells.Length; i++)
        {
            var key = new string([.. cells[i].ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]);
            foreach (var (field, names) in s_aliases)
            {
                if (!map.ContainsKey(field) && names.Contains(key, StringComparer.Ordinal))
                {
                    map[field] = i;
                    break;
                }
            }
        }

        return map;
    }

    private static double? ParseDouble(string s) =>
        double.TryParse(s.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static decimal? ParseShare(string s)
    {
        var percent = s.EndsWith('%');
        if (!decimal.TryParse(s.TrimEnd('%').Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var v) || v < 0)
        {
            return null;
        }

        var share = percent || v > 1m ? v / 100m : v;
        return share <= 1m ? share : null;
    }
}
