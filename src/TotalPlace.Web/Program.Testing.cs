// Top-level statements compile to an internal Program class; declaring it public here lets the tests'
// WebApplicationFactory<Program> start the real app (with its real Kestrel server for the browser tests).
#pragma warning disable CA1050 // Program lives in the global namespace because top-level statements put it there.
public partial class Program;
#pragma warning restore CA1050
