namespace TotalPlace.Web.Imports;

/// <summary>What an uploaded file is, judged by its bytes and never by its name.</summary>
public enum UploadKind
{
    /// <summary>Not a spend file: binary content that is neither workbook format.</summary>
    Unknown,
    Csv,
    Xlsx,
    Xls,
}
