using TotalPlace.Core.Waste;

namespace TotalPlace.Core.Counting;

/// <summary>Finds payments between the partners of a place by resolving each supplier name against the partners' own
/// names and aliases with the waste area's supplier normaliser ("LANCASHIRE COUNTY COUNCIL (200398)" and "Lancashire
/// County Council" are one key).</summary>
/// <remarks>Only whole-key matches count: "Lancashire Police Federation" is not "Lancashire Police Authority". A near
/// match is never eliminated, because taking out money that was not a flow makes the place total wrong while looking right.</remarks>
public static class InterPartnerFlowFinder
{
    /// <summary>The flows, largest first, each with the payer's share taken out.</summary>
    public static IReadOnlyList<InterPartnerFlow> Find(
        IReadOnlyList<PartnerIdentity> partners,
        IReadOnlyDictionary<string, PartnerShare> shares,
        IEnumerable<SupplierPayments> payments) => Find(partners, shares, payments, null, null);

    /// <summary>The flows, largest first. A flow is taken out of the top-down count only when the payee's spending is
    /// counted top-down (<paramref name="countedTopDown"/>), and out of the bottom-up count only when the payee's lines
    /// are counted (<paramref name="countedBottomUp"/>); otherwise the money is counted once already and stays. A null
    /// set means every partner is counted that way.</summary>
    public static IReadOnlyList<InterPartnerFlow> Find(
        IReadOnlyList<PartnerIdentity> partners,
        IReadOnlyDictionary<string, PartnerShare> shares,
        IEnumerable<SupplierPayments> payments,
        IReadOnlySet<string>? countedTopDown,
        IReadOnlySet<string>? countedBottomUp)
    {
        ArgumentNullException.ThrowIfNull(partners);
        ArgumentNullException.ThrowIfNull(shares);
        ArgumentNullException.ThrowIfNull(payments);
        var byKey = new Dictionary<string, PartnerIdentity>(StringComparer.Ordinal);
        foreach (var partner in partners)
        {
            foreach (var name in partner.Aliases.Prepend(partner.Name))
            {
                var key = SupplierNameNormaliser.Key(name);
                if (key.Length > 0)
                {
                    byKey.TryAdd(key, partner);
                }
            }
        }

        var names = partners.ToDictionary(p => p.Key, p => p.Name, StringComparer.Ordinal);
        var flows = new Dictionary<(string Payer, string Payee, string Supplier), (decimal Amount, int Lines)>();
        foreach (var payment in payments)
        {
            var normalised = SupplierNameNormaliser.Normalise(payment.Supplier);
            if (normalised.Kind != SupplierEntryKind.Organisation || !byKey.TryGetValue(normalised.Key, out var payee)
                || string.Equals(payee.Key, payment.PartnerKey, StringComparison.Ordinal) || !names.ContainsKey(payment.PartnerKey))
            {
                continue;
            }

            var id = (payment.PartnerKey, payee.Key, payment.Supplier.Trim());
            flows[id] = flows.TryGetValue(id, out var sum) ? (sum.Amount + payment.Amount, sum.Lines + payment.Lines) : (payment.Amount, payment.Lines);
        }

        return
        [
            .. flows
                .Select(f =>
                {
                    var part = shares.TryGetValue(f.Key.Payer, out var share) ? share.Of(f.Value.Amount) : f.Value.Amount;
                    var topDown = countedTopDown?.Contains(f.Key.Payee) ?? true;
                    var bottomUp = countedBottomUp?.Contains(f.Key.Payee) ?? true;
                    return new InterPartnerFlow(
                        f.Key.Payer, names[f.Key.Payer], f.Key.Payee, names[f.Key.Payee], f.Key.Supplier, f.Value.Amount, f.Value.Lines, topDown ? part : 0m)
                    {
                        EliminatedFromLines = bottomUp ? part : 0m,
                        Note = (topDown, bottomUp) switch
                        {
                            (true, true) => "taken out of both counts: the payee's spending is counted too",
                            (true, false) => "taken out of the top-down count only: the payee publishes no lines, so the bottom-up count holds this money once",
                            (false, true) => "taken out of the bottom-up count only: the payee has no outturn, so the top-down count holds this money once",
                            _ => "not taken out: the payee's spending is not counted either way, so this money is counted once, in the payer's figure",
                        },
                    };
                })
                .OrderByDescending(f => f.Amount)
                .ThenBy(f => f.PayerKey, StringComparer.Ordinal)
                .ThenBy(f => f.SupplierAsWritten, StringComparer.Ordinal),
        ];
    }
}
