namespace TotalPlace.Reports.Pdf;

/// <summary>No Chromium was found to print PDFs with; the message says how to install it.</summary>
public sealed class PdfEngineMissingException(string message) : Exception(message);
