namespace TotalPlace.Demo;

/// <summary>The trade of a synthetic supplier, so spend areas pay plausible suppliers.</summary>
internal enum SupplierTrade
{
    Care,
    Children,
    Construction,
    Ict,
    Consultancy,
    Facilities,
    Transport,
    Voluntary,
    Utilities,
    Legal,
    Clinical,
    Housing,
    Waste,
    Recruitment,
    Education,
}
