using CsBot.Application.Prediction;
using CsBot.Application.Settings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CsBot.Prediction;

public static class DependencyInjection
{
    /// <summary>
    /// Registers the churn model's learner (ML.NET FastTree) behind <see cref="IChurnLearner"/>, its settings
    /// (<see cref="ChurnModelOptions"/>, section "Prediction") and the use cases over it: training, the backtest and
    /// predictions. Needs the Application and the stores (IChurnModelStore).
    /// </summary>
    public static IHostApplicationBuilder AddPrediction(this IHostApplicationBuilder builder)
    {
        var options = SettingsReader.ReadValid(builder.Configuration, ChurnModelOptions.Read);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<IChurnLearner, FastTreeChurnLearner>();
        builder.Services.AddSingleton<ChurnModelTraining>();
        builder.Services.AddSingleton<ChurnPredictions>();
        // The rule kind PredictedChurnAbove reads the same predictions (RuleEvaluator takes it when registered).
        builder.Services.AddSingleton<CsBot.Core.Rules.IPredictedChurn>(sp => sp.GetRequiredService<ChurnPredictions>());
        return builder;
    }
}
