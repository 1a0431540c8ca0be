using TotalPlace.Core;
using TotalPlace.Core.Spending;

namespace TotalPlace.Testing;

/// <summary>Builds a <see cref="Transaction"/> with sensible defaults, so a test states only what matters:
/// <c>new TransactionBuilder().ForAgency("Lewisham").Paying(Money.FromPounds(612.50m)).On(3.April(2024)).Build()</c>.</summary>
public sealed class TransactionBuilder
{
    private Transaction _line = new()
    {
        Date = new DateOnly(2024, 4, 3),
        Amount = 612.50m,
        Supplier = "Acme Care Services Ltd",
        Body = "Test Borough Council",
        Reference = "INV-0001",
        ExpenseType = "Private Contractors",
        ExpenseArea = "Adult Social Care",
        SourceRow = 2,
    };

    /// <summary>The publishing body written on the line.</summary>
    public TransactionBuilder ForAgency(string body)
    {
        _line = _line with { Body = body };
        return this;
    }

    public TransactionBuilder Paying(Money amount)
    {
        _line = _line with { Amount = amount.Pounds };
        return this;
    }

    public TransactionBuilder Paying(decimal pounds)
    {
        _line = _line with { Amount = pounds };
        return this;
    }

    public TransactionBuilder On(DateOnly date)
    {
        _line = _line with { Date = date };
        return this;
    }

    public TransactionBuilder To(string? supplier)
    {
        _line = _line with { Supplier = supplier };
        return this;
    }

    public TransactionBuilder InArea(string? expenseArea)
    {
        _line = _line with { ExpenseArea = expenseArea };
        return this;
    }

    public TransactionBuilder OfType(string? expenseType)
    {
        _line = _line with { ExpenseType = expenseType };
        return this;
    }

    public TransactionBuilder WithServiceCode(string? serviceCode)
    {
        _line = _line with { ServiceCode = serviceCode };
        return this;
    }

    public TransactionBuilder Described(string? description)
    {
        _line = _line with { Description = description };
        return this;
    }

    public TransactionBuilder WithReference(string? reference)
    {
        _line = _line with { Reference = reference };
        return this;
    }

    /// <summary>The supplier's invoice number (the transaction number is <see cref="WithReference"/>).</summary>
    public TransactionBuilder WithInvoice(string? invoiceNumber)
    {
        _line = _line with { InvoiceNumber = invoiceNumber };
        return this;
    }

    public TransactionBuilder AtRow(int row)
    {
        _line = _line with { SourceRow = row };
        return this;
    }

    public Transaction Build() => _line;
}
