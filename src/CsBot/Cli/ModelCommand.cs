using System.CommandLine;
using System.Globalization;
using CsBot.Application.Evaluation;
using CsBot.Application.Prediction;
using CsBot.Application.Time;
using CsBot.Core.Ports;
using CsBot.Host.Startup;
using CsBot.Storage.LiteDb;

namespace CsBot.Host.Cli;

/// <summary>
/// <c>model train</c>: trains the churn model on the stored history now (as the weekly job does) and says whether it
/// passed its gate. <c>model backtest</c>: trains on the months before a cut-off and prints the model beside the rules
/// on the months after it. Neither starts the web host or the scheduler.
/// </summary>
public static class ModelCommand
{
    public static Command Create(CommandContext context)
    {
        var train = new Command("train",
            "Trains the churn model on the stored history now, as the weekly job does, stores it with its metrics, and says whether it " +
            "passed the quality gate (Prediction:MinimumAuc) and is used. A fresh database gets the demo portfolio first.");
        train.SetAction(_ => Run(context, Train));
        var backtest = new Command("backtest",
            "Trains on month-end snapshots before a cut-off, tests on the later months (Prediction:TestMonths), and prints AUC, precision and " +
            "recall at the top decile and the lead time before churns, beside the configured rules' own flags on the same snapshots. Stores nothing.");
        backtest.SetAction(_ => Run(context, Backtest));
        return new Command("model", "The churn model learned from the portfolio's own history.") { train, backtest };
    }

    private static int Run(CommandContext context, Func<IServiceProvider, TextWriter, int> action)
    {
        using var services = context.CreateServices();
        try
        {
            if (services.GetRequiredService<IPortfolioStore>().IsEmpty())
                ActivatorUtilities.CreateInstance<DemoDataSeeder>(services).StartAsync(CancellationToken.None).GetAwaiter().GetResult();
            return action(services, context.Console.Output);
        }
        catch (DatabaseFileException ex)
        {
            context.Console.Error.WriteLine(ex.Message);
            context.Console.Error.WriteLine("Stop CsBot first: the database is one process's at a time.");
            return ExitCodes.UsageOrConfiguration;
        }
    }

    private static int Train(IServiceProvider services, TextWriter output)
    {
        var record = services.GetRequiredService<ChurnModelTraining>().Train();
        output.WriteLine(record.Verdict);
        if (record.Model.Length > 0 || record.Snapshots > 0)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Model {record.Id}: {record.Snapshots:N0} snapshots ({record.Positives:N0} followed by churn or contraction), {record.ChurnEvents} churns, {record.Features.Count} features; precision {Core.Formatting.Format.Whole(record.PrecisionAtTopDecile * 100)}% and recall {Core.Formatting.Format.Whole(record.RecallAtTopDecile * 100)}% at the top decile."));
        return record.Passed ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private static int Backtest(IServiceProvider services, TextWriter output)
    {
        var options = services.GetRequiredService<ChurnModelOptions>();
        var report = ChurnBacktest.Run([.. services.GetRequiredService<IPortfolioStore>().LoadAllSignals()], services.GetRequiredService<BusinessClock>().Today,
            options, services.GetRequiredService<IChurnLearner>(), services.GetRequiredService<PortfolioScoring>());
        if (report is null)
        {
            output.WriteLine("No backtest: the history has no churn or contraction before or after the cut-off to learn or test on.");
            return ExitCodes.Failed;
        }
        output.Write(BacktestTable.Render(report));
        return ExitCodes.Ok;
    }
}
