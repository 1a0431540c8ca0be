namespace TotalPlace.Storage;

/// <summary>A row left out of a batch, with where and why.</summary>
public sealed record BatchReject(int Row, string Column, string Value, string Message);
