using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using TotalPlace.Benchmarks.Harness;
using TotalPlace.Storage;

namespace TotalPlace.Benchmarks.Web;

/// <summary>
/// `web`: an open-loop load generator for the web app's dashboard API. It fires requests at a fixed rate whatever
/// the server's speed (so a slow server meets a queue, as it would with real users) and measures each latency from
/// the moment the request was due, not when it was sent, so a stalled client cannot hide a stalled server
/// (coordinated omission).
/// </summary>
/// <remarks>
/// <c>web --store PATH --web-dll PATH [--rate 200] [--seconds 30] [--place CODE] [--path /api/...] [--label NAME]
/// [--target-p95-ms 100] [--target-max-ms N]</c>
/// counts the store's lines, starts the web app on it as its own process (as a person would), waits for it, warms
/// it with a few requests, then runs the load. <c>--url URL</c> instead of <c>--web-dll</c> loads a server that is
/// already running. <c>--no-cache</c> starts the app with its dashboard cache off (TOTALPLACE_NO_MAP_CACHE), the
/// baseline.
/// </remarks>
public static class WebLoad
{
    public static bool Handles(string[] args) => args.Length > 0 && args[0] == "web";

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = Options.Parse(args);
        var report = new StringBuilder();
        void Say(string line)
        {
            Console.WriteLine(line);
            report.AppendLine(line);
        }

        Say($"# Web dashboard API under load: {options.Rate} requests/s for {options.Seconds} s ({options.Label})");
        Say(string.Empty);
        Say($"Machine: {BenchPaths.MachineName()}, {Environment.ProcessorCount} logical cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Say($"Load average before: {LoadAverage()} (the machine is shared with other engineers' builds and tests; the load generator and the server share its 2 cores)");

        if (options.Store is { } storePath)
        {
            await using var store = await PlaceStore.OpenDuckDbAsync(storePath);
            var map = await store.Spend.MapAsync(new MapQuery(options.Place, []));
            var places = await store.Places.ListPlacesAsync();
            Say($"- store: {Path.GetFileName(storePath)}, {new FileInfo(storePath).Length / 1048576.0:N0} MiB, place {options.Place}: {map.Lines:N0} transaction lines, total £{map.Total:N2} ({places.Count} place(s) in the store)");
        }

        using var server = options.WebDll is { } dll ? StartServer(dll, options) : null;
        using var client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 1024,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
            AutomaticDecompression = DecompressionMethods.None,
        })
        {
            BaseAddress = options.Url,
            Timeout = TimeSpan.FromSeconds(30),
        };

        await WaitUntilReadyAsync(client);
        var path = options.Path ?? $"/api/places/{options.Place}/dashboard";
        Say($"- endpoint: GET {path}{(options.Path is null ? " (what the dashboard page renders: DashboardService.GetAsync)" : string.Empty)}{(options.NoCache ? "; dashboard cache OFF" : "")}");

        var cold = Stopwatch.StartNew();
        using (var first = await client.GetAsync(path))
        {
            var body = await first.Content.ReadAsByteArrayAsync();
            Say($"- first request (cold): {cold.Elapsed.TotalMilliseconds:N0} ms, HTTP {(int)first.StatusCode}, {body.Length:N0} bytes");
            if (!first.IsSuccessStatusCode)
            {
                Say($"  body: {Encoding.UTF8.GetString(body)[..Math.Min(400, body.Length)]}");
                return 1;
            }
        }

        for (var i = 0; i < 20; i++)
        {
            using var warm = await client.GetAsync(path);
        }

        var serverCpuBefore = server?.TotalProcessorTime;
        var result = await FireAsync(client, path, options.Rate, options.Seconds);
        var serverCpu = server is null ? (TimeSpan?)null : server.Process.TotalProcessorTime - serverCpuBefore!.Value;
        var sorted = result.Latencies.Order().ToArray();
        Say($"- offered: {result.Sent:N0} requests at {options.Rate} /s (open loop, each due at a fixed time; latency counted from when it was due)");
        Say($"- completed: {result.Ok:N0} OK, {result.Errors:N0} errors ({string.Join(", ", result.ErrorKinds.Select(e => $"{e.Key} ×{e.Value}"))})");
        Say($"- achieved: {result.Ok / result.Elapsed.TotalSeconds:N1} OK responses/s over {result.Elapsed.TotalSeconds:N1} s (first due to last answered)");
        if (sorted.Length > 0)
        {
            Say($"- latency: median {Percentile(sorted, 0.50):N1} ms, p95 {Percentile(sorted, 0.95):N1} ms, p99 {Percentile(sorted, 0.99):N1} ms, max {sorted[^1]:N1} ms, min {sorted[0]:N1} ms");
        }

        if (serverCpu is { } cpu)
        {
            Say($"- server CPU during the run: {cpu.TotalSeconds:N1} s ({cpu.TotalMilliseconds / Math.Max(1, result.Ok):N2} ms a request)");
        }

        Say($"- load average after: {LoadAverage()}");
        var target = sorted.Length > 0 && Percentile(sorted, 0.95) < options.TargetMs && sorted[^1] < options.MaxMs && result.Errors == 0;
        Say($"- target p95 < {options.TargetMs:N0} ms and slowest < {options.MaxMs:N0} ms at {options.Rate} req/s with no errors: {(target ? "met" : "MISSED")}");

        Directory.CreateDirectory(BenchPaths.Results);
        var file = Path.Combine(BenchPaths.Results, $"web-{options.Label}.md");
        await File.WriteAllTextAsync(file, report.ToString());
        Console.WriteLine($"(written to {Path.GetRelativePath(BenchPaths.RepositoryRoot, file)})");
        return 0;
    }

    private static async Task<LoadResult> FireAsync(HttpClient client, string path, int rate, int seconds)
    {
        var total = rate * seconds;
        var latencies = new double[total];
        var done = new bool[total];
        var errors = new System.Collections.Concurrent.ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var tasks = new Task[total];
        var start = Stopwatch.GetTimestamp();
        var period = Stopwatch.Frequency / (double)rate;
        for (var i = 0; i < total; i++)
        {
            var due = start + (long)(i * period);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            var index = i;
            var sent = Stopwatch.GetTimestamp();
            tasks[i] = Task.Run(async () =>
            {
                try
                {
                    using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead);
                    if (response.IsSuccessStatusCode)
                    {
                        done[index] = true;
                    }
                    else
                    {
                        errors.AddOrUpdate($"HTTP {(int)response.StatusCode}", 1, (_, n) => n + 1);
                    }
                }
#pragma warning disable CA1031 // Every failure is counted by kind; the run goes on.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    errors.AddOrUpdate(ex.GetType().Name, 1, (_, n) => n + 1);
                }

                // From when it was due, or from when it was sent if the timer fired it a little early.
                latencies[index] = Stopwatch.GetElapsedTime(Math.Min(due, sent)).TotalMilliseconds;
            });
        }

        await Task.WhenAll(tasks);
        var elapsed = Stopwatch.GetElapsedTime(start);
        var ok = done.Count(d => d);
        return new LoadResult(total, ok, errors.Values.Sum(), errors, [.. latencies.Where((_, i) => done[i])], elapsed);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static async Task WaitUntilReadyAsync(HttpClient client)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(3))
        {
            try
            {
                using var response = await client.GetAsync("/api/status");
                var body = await response.Content.ReadAsStringAsync();
                if (response.IsSuccessStatusCode && body.Contains("\"Ready\"", StringComparison.OrdinalIgnoreCase))
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(250);
        }

        throw new InvalidOperationException("The web app did not become ready within 3 minutes.");
    }

    private static ServerProcess StartServer(string dll, Options options)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[]
        {
            dll, $"--Store={options.Store}", "--urls", options.Url.ToString().TrimEnd('/'), "--Demo:BuildOnFirstStart=false",
            "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft.AspNetCore=Warning",
        })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        if (options.NoCache)
        {
            info.Environment["TOTALPLACE_NO_MAP_CACHE"] = "1";
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the web app.");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { Console.WriteLine($"  [web] {e.Data}"); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.WriteLine($"  [web] {e.Data}"); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServerProcess(process);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private sealed record LoadResult(int Sent, int Ok, int Errors, IReadOnlyDictionary<string, int> ErrorKinds, double[] Latencies, TimeSpan Elapsed);

    private sealed class ServerProcess(Process process) : IDisposable
    {
        public Process Process { get; } = process;

        public TimeSpan TotalProcessorTime
        {
            get
            {
                Process.Refresh();
                return Process.TotalProcessorTime;
            }
        }

        public void Dispose()
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
                Process.WaitForExit(10_000);
            }

            Process.Dispose();
        }
    }

    private sealed record Options(Uri Url, int Rate, int Seconds, string Place, string? Path, string? Store, string? WebDll, string Label, bool NoCache, double TargetMs, double MaxMs)
    {
        public static Options Parse(string[] args)
        {
            string? Value(string name)
            {
                var i = Array.IndexOf(args, name);
                return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
            }

            var rate = int.Parse(Value("--rate") ?? "200", CultureInfo.InvariantCulture);
            var seconds = int.Parse(Value("--seconds") ?? "30", CultureInfo.InvariantCulture);
            return new Options(
                new Uri(Value("--url") ?? "http://127.0.0.1:5099"),
                rate,
                seconds,
                Value("--place") ?? TotalPlaceImport.Place,
                Value("--path"),
                Value("--store"),
                Value("--web-dll"),
                Value("--label") ?? $"dashboard-{rate}rps",
                args.Contains("--no-cache", StringComparer.Ordinal),
                double.Parse(Value("--target-p95-ms") ?? "100", CultureInfo.InvariantCulture),
                double.Parse(Value("--target-max-ms") ?? "1000000", CultureInfo.InvariantCulture));
        }
    }
}
