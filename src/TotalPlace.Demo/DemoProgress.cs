namespace TotalPlace.Demo;

/// <summary>Progress of a demo build: which step, and how many of its batches are done.</summary>
public sealed record DemoProgress(string Step, int Completed, int Total);
