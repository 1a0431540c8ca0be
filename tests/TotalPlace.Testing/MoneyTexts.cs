using Xunit;

namespace TotalPlace.Testing;

/// <summary>The same figures every host, export and report must print the same way (issue 10): rounded half to
/// even to the penny, en-GB. The expected texts are written from the rule, not copied from any output.</summary>
public static class MoneyTexts
{
    /// <summary>Amount and the text it must read as.</summary>
    public static TheoryData<decimal, string> Cases => new()
    {
        { 0.125m, "£0.12" },              // midpoint on an even penny: stays down (away-from-zero would give £0.13)
        { 0.135m, "£0.14" },              // midpoint on an odd penny: goes up
        { -1234.565m, "-£1,234.56" },     // negative midpoint: to even, sign before the pound sign
        { 10_000_000_000.005m, "£10,000,000,000.00" },
        { 10_000_000_000.015m, "£10,000,000,000.02" },
        { -0.004m, "£0.00" },             // rounds to zero: no "-£0.00"
        { 612.5m, "£612.50" },
    };
}
