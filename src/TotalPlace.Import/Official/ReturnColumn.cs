using TotalPlace.Core.Counting;

namespace TotalPlace.Import.Official;

/// <summary>One column an official return contributes: found by the return's own code for it (the asset code in the
/// hidden code row), never by position, so a re-ordered or re-released file still reads right.</summary>
/// <param name="Code">The asset code, e.g. "RSX-totsx-tot-exp".</param>
/// <param name="Service">The service line in words.</param>
/// <param name="Theme">The theme code it maps to.</param>
/// <param name="Measure">Gross, income, net or employees.</param>
/// <param name="IsTotal">True for the whole-body total, which is kept beside the service lines, not added to them.</param>
public sealed record ReturnColumn(string Code, string Service, string Theme, StatementMeasure Measure, bool IsTotal = false);
