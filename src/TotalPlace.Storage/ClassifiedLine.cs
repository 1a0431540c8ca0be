using TotalPlace.Core.Spending;

namespace TotalPlace.Storage;

/// <summary>A line ready for the bulk writer: its number in the batch (from 1) and its theme code.</summary>
internal readonly record struct ClassifiedLine(Transaction Line, int LineNo, string Theme);
