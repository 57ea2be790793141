using CsBot.Core.Ports;
using CsBot.Core.Prediction;
using CsBot.Storage.LiteDb.Documents;
using LiteDB;

namespace CsBot.Storage.LiteDb;

/// <summary>Trained churn models in "churn_models", one document per training, newest found by the training time.</summary>
public sealed class LiteDbChurnModelStore : IChurnModelStore
{
    internal const string CollectionName = "churn_models";

    private readonly LiteDbContext _context;

    public LiteDbChurnModelStore(LiteDbContext context)
    {
        _context = context ?? throw new ArgumentNullException(nameof(context));
    }

    private ILiteCollection<ChurnModelDocument> Models => _context.Collection<ChurnModelDocument>(CollectionName);

    public void Save(ChurnModelRecord model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Models.Upsert(ChurnModelDocument.From(model));
    }

    public ChurnModelRecord? Latest() =>
        Models.Query().OrderByDescending(x => x.TrainedAtTicks).Limit(1).ToList().FirstOrDefault()?.ToRecord();

    public ChurnModelRecord? LatestPassed() =>
        Models.Query().Where(x => x.Passed).OrderByDescending(x => x.TrainedAtTicks).Limit(1).ToList().FirstOrDefault()?.ToRecord();
}
