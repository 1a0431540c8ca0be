using System.Text;

namespace TotalPlace.Import.Tests;

/// <summary>Builds small synthetic spend files, one quirk at a time.</summary>
internal static class SpendFiles
{
    public const string Header = "Body,Date,Transaction Number,Amount,Supplier Name,Expense Type,Expense Area";

    static SpendFiles() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Lines(params string[] lines) => string.Join("\r\n", lines) + "\r\n";

    public static byte[] Utf8(string text, bool bom = false) =>
        [.. (bom ? Encoding.UTF8.GetPreamble() : []), .. Encoding.UTF8.GetBytes(text)];

    public static byte[] CodePage(string text, int codePage) => Encoding.GetEncoding(codePage).GetBytes(text);

    public static SpendFileResult Read(string text, SpendReadOptions? options = null) =>
        SpendFileReader.Read("test.csv", Utf8(text), options);

    public static SpendFileResult Read(byte[] bytes, SpendReadOptions? options = null) =>
        SpendFileReader.Read("test.csv", bytes, options);
}
