using static TotalPlace.Import.Tests.SpendFiles;

namespace TotalPlace.Import.Tests;

public sealed class StreamingTests
{
    private static readonly string s_withOneBadRow = Lines(
        Header,
        "Council,01/04/2024,T1,10.00,A,Rents,Housing",
        "Council,02/04/2024,T2,oops,B,Rents,Housing",
        "Council,03/04/2024,T3,30.00,C,Rents,Housing");

    [Fact]
    public void Transactions_FileWithErrors_ThrowsImportRejectedAfterTheLastRow()
    {
        using var stream = SpendFileStream.Open(new MemoryStream(Utf8(s_withOneBadRow)), "bad.csv");
        var seen = new List<decimal>();

        var ex = Assert.Throws<ImportRejectedException>(() =>
        {
            foreach (var t in stream.Transactions)
            {
                seen.Add(t.Amount);
            }
        });

        Assert.Equal([10m, 30m], seen);
        var error = Assert.Single(ex.Errors);
        Assert.Equal(new ImportError("bad.csv", 3, "Amount", "oops", error.Message), error);
        Assert.Equal("bad.csv", ex.Data["File"]);
        Assert.Equal(3, ex.Data["Row"]);
        Assert.True(stream.IsComplete);
    }

    [Fact]
    public void Transactions_AllowPartial_YieldsTheValidRowsAndKeepsTheRejects()
    {
        using var stream = SpendFileStream.Open(new MemoryStream(Utf8(s_withOneBadRow)), "bad.csv", new SpendReadOptions { AllowPartial = true });

        var loaded = stream.Transactions.ToList();

        Assert.Equal(2, loaded.Count);
        Assert.Equal(40m, stream.Total);
        Assert.Equal(1, stream.RowsRejected);
        Assert.Equal(3, stream.RowsRead);
        Assert.Single(stream.Errors);
    }

    [Fact]
    public void Transactions_NoHeader_ThrowsOnFirstMoveNextEvenWhenPartialIsAllowed()
    {
        using var stream = SpendFileStream.Open(new MemoryStream(Utf8(Lines("a,b,c", "1,2,3", "4,5,6", "7,8,9", "1,1,1", "2,2,2"))), "odd.csv",
            new SpendReadOptions { AllowPartial = true });

        Assert.NotEmpty(stream.Errors);
        Assert.Throws<ImportRejectedException>(() => stream.Transactions.First());
    }

    [Fact]
    public void Transactions_EnumeratedTwice_Throws()
    {
        using var stream = SpendFileStream.Open(new MemoryStream(Utf8(Lines(Header, "Council,01/04/2024,T1,10.00,A,Rents,Housing"))), "ok.csv");
        _ = stream.Transactions.ToList();

        Assert.Throws<InvalidOperationException>(() => stream.Transactions.ToList());
    }

    [Fact]
    public void Sha256_BeforeEnumeration_Throws_AfterItMatchesTheBytes()
    {
        var bytes = Utf8(Lines(Header, "Council,01/04/2024,T1,10.00,A,Rents,Housing"));
        using var stream = SpendFileStream.Open(new MemoryStream(bytes), "ok.csv");

        Assert.Throws<InvalidOperationException>(() => stream.Sha256);
        _ = stream.Transactions.ToList();

        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), stream.Sha256);
    }

    [Fact]
    public void Open_FileLargerThanTheSniff_ReadsRowsBeyondIt()
    {
        var lines = new List<string> { "Spend over £500", Header };
        for (var i = 0; i < 5000; i++)
        {
            lines.Add($"Council,{1 + (i % 28):00}/04/2024,T{i},{i}.25,Supplier {i % 50},Rents,Housing");
        }

        lines.Add("Council,30/04/2024,TLAST,\"£1,000,000.00\",Last Ltd,Rents,Housing");
        var path = Path.Combine(Path.GetTempPath(), $"tp-import-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, Lines([.. lines]));
        try
        {
            using var stream = SpendFileReader.Open(path, new SpendReadOptions { SniffBytes = 4096 });
            var all = stream.Transactions.ToList();

            Assert.Equal(5001, all.Count);
            Assert.Equal(2, stream.HeaderRow);
            Assert.Equal(Enumerable.Range(0, 5000).Sum(i => i + 0.25m) + 1_000_000m, stream.Total);
            Assert.Equal(SpendFileReader.ComputeSha256(path), stream.Sha256);
            Assert.Equal(lines.Count, all[^1].SourceRow);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
