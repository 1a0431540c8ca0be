namespace TotalPlace.Storage.Imports;

/// <summary>A column mapping a person confirmed for a publisher's file, kept so the next file from that publisher
/// with the same header is read the same way.</summary>
/// <param name="PlaceCode">The place's GSS code.</param>
/// <param name="Agency">The publisher (the agency the file was imported for), as written; matched ignoring case.</param>
/// <param name="HeaderSignature">The header row's signature (<c>TotalPlace.Import.HeaderSignature</c>).</param>
/// <param name="Header">The header cells as published, one a line, for people reading the store.</param>
/// <param name="MappingJson">The mapping in the mapping-file form (docs/data-formats.md), header row included.</param>
/// <param name="FileName">The file it was confirmed on.</param>
/// <param name="SavedBy">Who confirmed it.</param>
/// <param name="SavedAt">When, UTC.</param>
public sealed record RememberedMapping(
    string PlaceCode,
    string Agency,
    string HeaderSignature,
    string Header,
    string MappingJson,
    string FileName,
    string SavedBy,
    DateTimeOffset SavedAt);
