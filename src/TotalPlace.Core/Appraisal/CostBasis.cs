namespace TotalPlace.Core.Appraisal;

/// <summary>How a cost line's amount scales (JSON <c>per</c>: fixed | referral | engaged).</summary>
public enum CostBasis
{
    /// <summary>A fixed amount in one year.</summary>
    Fixed,

    /// <summary>An amount for each person referred, in the cohort's intake year.</summary>
    Referral,

    /// <summary>An amount for each person engaged (referrals × engagement), in the cohort's intake year.</summary>
    Engaged,
}
