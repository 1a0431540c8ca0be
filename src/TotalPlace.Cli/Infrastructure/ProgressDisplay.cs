using Spectre.Console;

namespace TotalPlace.Cli.Infrastructure;

/// <summary>Runs long work under a Spectre progress bar when a person is watching; silently otherwise.</summary>
/// <remarks>Progress is drawn only on an interactive terminal and never when the result is JSON, so redirected
/// and machine-read output stays clean.</remarks>
internal static class ProgressDisplay
{
    public static bool IsShown(IAnsiConsole console, OutputFormat format = OutputFormat.Table) =>
        format != OutputFormat.Json && console.Profile.Capabilities.Interactive && !Console.IsOutputRedirected;

    /// <summary>Runs <paramref name="work"/>, giving it a reporter for a task of <paramref name="maxValue"/> units.</summary>
    public static async Task<T> RunAsync<T>(IAnsiConsole console, bool shown, string description, double maxValue, Func<IProgress<double>, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(work);
        if (!shown)
        {
            return await work(new Progress<double>(_ => { }));
        }

        return await console.Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(description), maxValue: Math.Max(maxValue, 1));
                var result = await work(new SynchronousProgress(value => task.Value = Math.Min(value, task.MaxValue)));
                task.Value = task.MaxValue;
                return result;
            });
    }

    /// <summary>Runs <paramref name="work"/> under a bar from 0 to 1 whose description it sets as it goes (the phase,
    /// the lines read so far); silent when not <paramref name="shown"/>.</summary>
    public static async Task<T> RunWithStepsAsync<T>(IAnsiConsole console, bool shown, string description, Func<IProgress<(double Fraction, string Step)>, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(work);
        if (!shown)
        {
            return await work(new Progress<(double, string)>(_ => { }));
        }

        return await console.Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(description), maxValue: 1);
                var result = await work(new SynchronousStepProgress(step =>
                {
                    task.Value = Math.Clamp(step.Fraction, 0, 1);
                    task.Description = Markup.Escape($"{description}: {step.Step}");
                }));
                task.Value = task.MaxValue;
                return result;
            });
    }

    private sealed class SynchronousStepProgress(Action<(double Fraction, string Step)> report) : IProgress<(double Fraction, string Step)>
    {
        public void Report((double Fraction, string Step) value) => report(value);
    }

    /// <summary>Reports on the caller's thread; <see cref="Progress{T}"/> would post to the thread pool and race the bar.</summary>
    private sealed class SynchronousProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
