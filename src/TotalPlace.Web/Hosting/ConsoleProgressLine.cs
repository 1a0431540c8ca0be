namespace TotalPlace.Web.Hosting;

/// <summary>One console line that rewrites itself with a percentage, so a long first start shows it is alive.</summary>
internal sealed class ConsoleProgressLine(string label)
{
    private readonly Lock _gate = new();
    private int _lastPercent = -1;

    public void Report(double fraction)
    {
        var percent = (int)Math.Round(Math.Clamp(fraction, 0, 1) * 100);
        lock (_gate)
        {
            if (percent == _lastPercent)
            {
                return;
            }

            _lastPercent = percent;
            // A redirected console (tests, CI logs) gets one line per ten percent instead of carriage returns.
            if (Console.IsOutputRedirected)
            {
                if (percent % 10 == 0)
                {
                    Console.WriteLine($"{label}: {percent}%");
                }
            }
            else
            {
                Console.Write($"\r{label}: {percent,3}%");
            }
        }
    }

    public void Complete()
    {
        lock (_gate)
        {
            Console.WriteLine(Console.IsOutputRedirected ? $"{label}: done" : $"\r{label}: done");
        }
    }
}
