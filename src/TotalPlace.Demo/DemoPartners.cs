using TotalPlace.Core.Places;
using TotalPlace.Core.Spending;

namespace TotalPlace.Demo;

/// <summary>The partners of the synthetic Greater Manchester place. Amounts are illustrative, in £ millions of a base
/// year, in proportions like a city region's (health and social care, welfare benefits and education the largest);
/// <see cref="DemoPlace"/> scales them so a year's statements total about £22bn.</summary>
/// <remarks>To avoid counting money twice, the ICB's statement excludes what it pays the trust partner, and councils'
/// Dedicated Schools Grant excludes academies (the Department for Education partner). The voluntary-sector alliance
/// publishes spend lines but no statement, so the combined map counts its transactions.</remarks>
internal static class DemoPartners
{
    private static readonly DemoSpendArea[] s_councilAreas =
    [
        new("Adult Social Care", "ASC100", 18, ["Residential Care - Independent Sector", "Nursing Care", "Home Care - Independent Sector", "Direct Payments", "Supported Living", "Day Care Services"], SupplierTrade.Care),
        new("Adults Services - Learning Disabilities", "ASC210", 6, ["Supported Living", "Residential Care - Independent Sector", "Day Care Services"], SupplierTrade.Care),
        new("Children's Services - Looked After Children", "CS300", 9, ["Independent Fostering Agencies", "Residential Placements", "Private Contractors"], SupplierTrade.Children),
        new("Childrens Social Care", "CS310", 5, ["Independent Fostering Agencies", "Professional Services", "Agency Staff"], SupplierTrade.Children),
        new("Education - Schools Support", "ED400", 6, ["Home to School Transport", "Private Contractors", "Equipment Purchase"], SupplierTrade.Education),
        new("Special Educational Needs", "ED410", 4, ["Independent Special School Fees", "Home to School Transport"], SupplierTrade.Education),
        new("Housing Options and Homelessness", "HO500", 5, ["Bed and Breakfast Accommodation", "Temporary Accommodation", "Rents"], SupplierTrade.Housing),
        new("Waste Collection", "WM600", 5, ["Waste Disposal", "Vehicle Hire", "Fuel"], SupplierTrade.Waste),
        new("Highways Maintenance", "HW610", 6, ["Highways Contractors", "Street Lighting Maintenance", "Private Contractors"], SupplierTrade.Construction),
        new("Libraries", "LB700", 1.5, ["Books and Publications", "Computer Software"], SupplierTrade.Education),
        new("Leisure Services", "LE710", 2, ["Management Fee", "Building Repairs and Maintenance"], SupplierTrade.Facilities),
        new("Parks and Open Spaces", "LE720", 1.5, ["Grounds Maintenance", "Equipment Purchase"], SupplierTrade.Construction),
        new("Public Health", "PH800", 3, ["Sexual Health Services", "Health Visiting", "Grants to Voluntary Organisations"], SupplierTrade.Clinical),
        new("Substance Misuse Services", "PH810", 1.5, ["Treatment Services", "Grants to Voluntary Organisations"], SupplierTrade.Voluntary),
        new("Youth Offending Service", "CS320", 1, ["Professional Services", "Grants to Voluntary Organisations"], SupplierTrade.Voluntary),
        new("Community Safety", "CSF900", 1, ["CCTV Maintenance", "Grants to Voluntary Organisations"], SupplierTrade.Facilities),
        new("ICT Services", "IT100", 4, ["Computer Software", "Computer Hardware", "Telephones"], SupplierTrade.Ict),
        new("Finance", "FIN100", 1.5, ["Audit Fees", "Bank Charges", "Consultancy Fees"], SupplierTrade.Consultancy),
        new("Human Resources", "HR100", 1.5, ["Agency Staff", "Training", "Recruitment Advertising"], SupplierTrade.Recruitment),
        new("Legal Services", "CORP200", 1, ["Legal Fees", "Counsel Fees"], SupplierTrade.Legal),
        new("Corporate Property", "CORP300", 3, ["Building Repairs and Maintenance", "Electricity", "Gas", "Cleaning"], SupplierTrade.Utilities),
        new("Revenues and Benefits", "FIN300", 1, ["Printing and Stationery", "Postage", "Computer Software"], SupplierTrade.Ict),
    ];

    private static DemoStatementLine[] Council(decimal scale) =>
    [
        new("health-social-care", "Council tax, business rates and social care grant", 260m * scale),
        new("children-young-people", "Dedicated Schools Grant", 480m * scale),
        new("children-young-people", "Council tax and business rates", 240m * scale),
        new("housing", "Council tax and business rates", 130m * scale),
        new("environment-transport", "Council tax and business rates", 120m * scale),
        new("culture-leisure", "Council tax and business rates", 45m * scale),
        new("community-safety", "Council tax and business rates", 22m * scale),
        new("corporate-back-office", "Council tax and business rates", 130m * scale),
        new("health-inequalities", "Public Health Grant", 60m * scale),
        new("worklessness-skills", "Council tax and business rates", 25m * scale),
        new("drugs-alcohol", "Public Health Grant", 16m * scale),
        new("welfare-benefits", "Housing Benefit subsidy", 210m * scale, StatementKind.BenefitsPaid),
    ];

    /// <summary>The partners, in a fixed order (the generator's determinism depends on it).</summary>
    public static readonly IReadOnlyList<DemoPartner> All =
    [
        new(
            new Agency("Manchester City Council", AgencyKind.LocalAuthority, FundingSource.LocalTaxation),
            "manchester-city-council", "E08000003", "MCC", 500m, 1_800m, 0.16, Council(1m), s_councilAreas),
        new(
            new Agency("Salford City Council", AgencyKind.LocalAuthority, FundingSource.LocalTaxation),
            "salford-city-council", "E08000006", "SCC", 500m, 1_600m, 0.08, Council(0.48m), s_councilAreas),
        new(
            new Agency("Other Greater Manchester councils (combined)", AgencyKind.LocalAuthority, FundingSource.LocalTaxation),
            "other-gm-councils", "E11000001", "GMC", 500m, 1_700m, 0.22, Council(3.7m), s_councilAreas),
        new(
            new Agency("Greater Manchester Combined Authority", AgencyKind.LocalAuthority, FundingSource.CentralGovernmentGrant),
            "gmca", "E47000001", "GMCA", 500m, 6_000m, 0.05,
            [
                new("environment-transport", "Transport levy and City Region Sustainable Transport Settlement", 560m),
                new("environment-transport", "Waste levy", 220m),
                new("worklessness-skills", "Adult Education Budget", 190m),
                new("housing", "Brownfield Housing Fund", 70m),
                new("corporate-back-office", "Mayoral precept", 30m),
            ],
            [
                new("Transport for Greater Manchester - Bus Services", "TR100", 8, ["Bus Service Contracts", "Concessionary Fares Reimbursement"], SupplierTrade.Transport),
                new("Waste and Resources", "WM700", 5, ["Waste Disposal", "Recycling Contract"], SupplierTrade.Waste),
                new("Adult Education Budget", "AEB100", 4, ["Training Provider Payments", "Grants"], SupplierTrade.Education),
                new("Work and Health Programme", "WH100", 2, ["Employment Support Contract"], SupplierTrade.Voluntary),
                new("Housing and Homelessness", "HSG100", 1.5, ["Grants", "Rough Sleeping Accommodation"], SupplierTrade.Housing),
                new("Corporate Services", "CORP100", 1, ["Consultancy Fees", "Computer Software"], SupplierTrade.Consultancy),
            ]),
        new(
            new Agency("NHS Greater Manchester Integrated Care Board", AgencyKind.Nhs, FundingSource.NhsAllocation),
            "nhs-gm-icb", "QOP", "ICB", 25_000m, 95_000m, 0.10,
            [
                new("health-social-care", "NHS England allocation", 5_400m),
                new("health-inequalities", "NHS England allocation", 180m),
                new("drugs-alcohol", "NHS England allocation", 40m),
                new("children-young-people", "NHS England allocation", 260m),
                new("corporate-back-office", "NHS England running cost allowance", 110m),
            ],
            [
                new("Acute Services", "", 10, ["Clinical Services - Non NHS", "Clinical Services - NHS Trusts"], SupplierTrade.Clinical),
                new("Mental Health Services", "", 5, ["Clinical Services - Non NHS", "Independent Sector Placements"], SupplierTrade.Clinical),
                new("Community Health Services", "", 4, ["Clinical Services - Non NHS"], SupplierTrade.Clinical),
                new("Continuing Healthcare", "", 5, ["Nursing Care", "Residential Care - Independent Sector"], SupplierTrade.Care),
                new("Primary Care", "", 3, ["GP Services", "Pharmacy Services"], SupplierTrade.Clinical),
                new("Prescribing", "", 2, ["Drugs"], SupplierTrade.Clinical),
                new("Information Management and Technology", "", 1, ["Computer Software", "Computer Hardware"], SupplierTrade.Ict),
                new("Corporate Services", "", 1, ["Consultancy", "Legal Fees", "Premises Costs"], SupplierTrade.Consultancy),
            ]),
        new(
            new Agency("Manchester University NHS Foundation Trust", AgencyKind.Nhs, FundingSource.NhsAllocation),
            "mft", "R0A", "MFT", 25_000m, 70_000m, 0.08,
            [
                new("health-social-care", "NHS England specialised commissioning and other income", 850m),
                new("corporate-back-office", "NHS England specialised commissioning and other income", 60m),
            ],
            [
                new("Hospital Services - Clinical Supplies", "", 8, ["Medical and Surgical Equipment", "Drugs", "Clinical Services - Non NHS"], SupplierTrade.Clinical),
                new("Estates and Facilities", "", 3, ["Building Repairs and Maintenance", "Cleaning", "Catering", "Electricity"], SupplierTrade.Facilities),
                new("Information Management and Technology", "", 2, ["Computer Software", "Computer Hardware"], SupplierTrade.Ict),
                new("Workforce", "", 2, ["Agency Staff", "Training"], SupplierTrade.Recruitment),
            ]),
        new(
            new Agency("Greater Manchester Police", AgencyKind.Police, FundingSource.PreceptAndHomeOffice),
            "gmp", "E23000005", "GMP", 500m, 4_000m, 0.08,
            [
                new("community-safety", "Home Office police grant and precept", 640m),
                new("offender-management", "Home Office police grant and precept", 85m),
                new("corporate-back-office", "Home Office police grant and precept", 115m),
            ],
            [
                new("Neighbourhood Policing", "POL100", 4, ["Vehicle Hire", "Equipment Purchase", "Grants to Voluntary Organisations"], SupplierTrade.Facilities),
                new("Custody and Criminal Justice", "POL200", 2, ["Medical Services in Custody", "Professional Services"], SupplierTrade.Clinical),
                new("Force ICT", "ICT300", 3, ["Computer Software", "Computer Hardware", "Telephones"], SupplierTrade.Ict),
                new("Fleet", "POL400", 2, ["Vehicle Purchase", "Fuel", "Vehicle Repairs"], SupplierTrade.Transport),
                new("Estates", "POL500", 2, ["Building Repairs and Maintenance", "Rents", "Electricity"], SupplierTrade.Construction),
            ]),
        new(
            new Agency("Greater Manchester Fire and Rescue Service", AgencyKind.FireAndRescue, FundingSource.PreceptAndHomeOffice),
            "gmfrs", "E31000046", "GMFRS", 500m, 3_500m, 0.03,
            [
                new("community-safety", "Fire precept and settlement funding", 118m),
                new("corporate-back-office", "Fire precept and settlement funding", 14m),
            ],
            [
                new("Prevention and Protection", "FRS100", 2, ["Smoke Alarms", "Printing and Stationery"], SupplierTrade.Facilities),
                new("Fire and Rescue Service - Emergency Response", "FRS200", 3, ["Operational Equipment", "Vehicle Repairs"], SupplierTrade.Transport),
                new("Estates", "FRS300", 1, ["Building Repairs and Maintenance"], SupplierTrade.Construction),
            ]),
        new(
            new Agency("Department for Work and Pensions", AgencyKind.CentralDepartment, FundingSource.CentralGovernmentDirect),
            "dwp", "D10", "DWP", 25_000m, 120_000m, 0.04,
            [
                new("welfare-benefits", "State Pension", 3_300m, StatementKind.BenefitsPaid),
                new("welfare-benefits", "Universal Credit", 1_900m, StatementKind.BenefitsPaid),
                new("welfare-benefits", "Disability and carers benefits (PIP, DLA, Attendance Allowance, Carer's Allowance)", 1_000m, StatementKind.BenefitsPaid),
                new("worklessness-skills", "Jobcentre Plus and employment programmes", 140m),
            ],
            [
                new("Jobcentre Plus Operations", "", 2, ["Rents", "Facilities Management"], SupplierTrade.Facilities),
                new("Employment Programmes", "", 3, ["Employment Support Contract"], SupplierTrade.Voluntary),
                new("Digital", "", 1, ["Computer Software"], SupplierTrade.Ict),
            ]),
        new(
            new Agency("HM Prison and Probation Service - North West", AgencyKind.CentralDepartment, FundingSource.CentralGovernmentDirect),
            "hmpps-nw", "D18", "HMPPS", 25_000m, 80_000m, 0.03,
            [
                new("offender-management", "Probation Service", 65m),
                new("offender-management", "HMP Manchester and HMP Forest Bank", 85m),
            ],
            [
                new("Probation Services", "", 3, ["Commissioned Rehabilitative Services", "Approved Premises"], SupplierTrade.Voluntary),
                new("Prison Operations", "", 3, ["Facilities Management", "Catering", "Healthcare in Prisons"], SupplierTrade.Facilities),
            ]),
        new(
            new Agency("Northern Rose Housing Group", AgencyKind.Housing, FundingSource.CentralGovernmentGrant),
            "northern-rose-housing", "HA001", "NRH", 500m, 2_500m, 0.05,
            [
                new("housing", "Rents and Homes England grant", 190m),
                new("corporate-back-office", "Rents", 22m),
            ],
            [
                new("Repairs and Maintenance", "REP100", 5, ["Building Repairs and Maintenance", "Planned Maintenance"], SupplierTrade.Construction),
                new("Housing Management", "HSG200", 2, ["Tenancy Support", "Cleaning"], SupplierTrade.Housing),
                new("Housing Development", "HSG300", 2, ["Construction Contracts", "Professional Services"], SupplierTrade.Construction),
            ]),
        new(
            new Agency("Department for Education (academies and sixth forms)", AgencyKind.Education, FundingSource.CentralGovernmentGrant),
            "dfe-academies", "D6", "DFE", 25_000m, 250_000m, 0.03,
            [
                new("children-young-people", "General Annual Grant to academies", 1_150m),
                new("children-young-people", "16 to 19 funding", 150m),
            ],
            [
                new("Academy Trust Grants", "", 5, ["General Annual Grant"], SupplierTrade.Education),
                new("School Condition Allocation", "", 1, ["Capital Grant"], SupplierTrade.Construction),
            ]),
        new(
            new Agency("Greater Manchester Voluntary Sector Alliance", AgencyKind.ThirdSector, FundingSource.CharitableAndOther),
            "gm-voluntary-alliance", "CH001", "GMVSA", 500m, 1_200m, 0.05,
            [],
            [
                new("Community Wellbeing Projects", "VS100", 3, ["Grants", "Room Hire"], SupplierTrade.Voluntary),
                new("Youth Services", "VS200", 2, ["Sessional Workers", "Activities"], SupplierTrade.Children),
                new("Employment Support", "VS300", 2, ["Training", "Travel Expenses"], SupplierTrade.Education),
                new("Drug and Alcohol Recovery", "VS400", 1, ["Treatment Services"], SupplierTrade.Voluntary),
                new("Central Costs", "VS900", 1, ["Rents", "Computer Software", "Audit Fees"], SupplierTrade.Consultancy),
            ]),
    ];
}
