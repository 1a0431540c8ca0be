using TotalPlace.Core.Spending;
using TotalPlace.Core.Waste;
using TotalPlace.Testing;

namespace TotalPlace.Core.Tests.Waste;

/// <summary>Partner lines for waste tests: <c>Lines.Paid("Council", "ACME LTD", 500m, 3.April(2024), "INV1")</c>, where
/// the last argument is the supplier's invoice number; the transaction number is left empty unless given with
/// <see cref="WithTransaction"/>, because every payment has its own and it is never evidence of a duplicate.</summary>
internal static class Lines
{
    public static PartnerTransaction Paid(string agency, string? supplier, decimal amount, DateOnly date, string? invoice = null, string? expenseType = "Private Contractors", string? theme = null, string? supplierId = null) =>
        new(agency, new TransactionBuilder().ForAgency(agency).To(supplier).Paying(amount).On(date).WithReference(null).WithInvoice(invoice).OfType(expenseType).Build() with { SupplierId = supplierId }, theme);

    public static Transaction Line(this PartnerTransaction t) => t.Line;

    public static PartnerTransaction WithTransaction(this PartnerTransaction t, string transactionNumber) => t with { Line = t.Line with { Reference = transactionNumber } };

    public static PartnerTransaction WithContract(this PartnerTransaction t, string contract) => t with { Line = t.Line with { ContractReference = contract } };
}
