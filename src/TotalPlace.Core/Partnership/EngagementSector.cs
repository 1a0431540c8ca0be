namespace TotalPlace.Core.Partnership;

/// <summary>Who was engaged in designing or delivering the offer.</summary>
public enum EngagementSector
{
    /// <summary>Residents, service users and community groups.</summary>
    Community = 0,

    /// <summary>Charities, voluntary and community sector organisations, social enterprises.</summary>
    ThirdSector,

    /// <summary>Employers and businesses.</summary>
    Business,
}
