namespace TotalPlace.Core.Waste;

/// <summary>Why two entries are in one cluster: the explanation a reviewer reads.</summary>
/// <param name="From">One entry.</param>
/// <param name="To">The entry it was joined to.</param>
/// <param name="Rule">The rule that joined them.</param>
/// <param name="Score">The similarity score for <see cref="SupplierLinkRule.SimilarName"/>; 1 for the exact rules.</param>
/// <param name="Explanation">A sentence, e.g. "same vendor number 114029 at Devon County Council".</param>
public sealed record SupplierLink(SupplierEntry From, SupplierEntry To, SupplierLinkRule Rule, double Score, string Explanation);
