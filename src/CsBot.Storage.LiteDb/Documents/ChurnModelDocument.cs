using CsBot.Core.Prediction;
using LiteDB;

namespace CsBot.Storage.LiteDb.Documents;

/// <summary>A trained churn model in collection "churn_models": its metadata and the serialised model.</summary>
internal sealed class ChurnModelDocument
{
    [BsonId]
    public string Id { get; set; } = "";
    public long TrainedAtTicks { get; set; }
    public InstantDocument TrainedAt { get; set; } = new();
    public int TrainedThrough { get; set; }
    public int Snapshots { get; set; }
    public int Positives { get; set; }
    public int ChurnEvents { get; set; }
    public List<string> Features { get; set; } = [];
    public double Auc { get; set; }
    public double PrecisionAtTopDecile { get; set; }
    public double RecallAtTopDecile { get; set; }
    public double MinimumAuc { get; set; }
    public bool Passed { get; set; }
    public string Verdict { get; set; } = "";
    public byte[] Model { get; set; } = [];

    public static ChurnModelDocument From(ChurnModelRecord m) => new()
    {
        Id = m.Id,
        TrainedAtTicks = m.TrainedAt.UtcTicks,
        TrainedAt = InstantDocument.From(m.TrainedAt),
        TrainedThrough = Days.From(m.TrainedThrough),
        Snapshots = m.Snapshots,
        Positives = m.Positives,
        ChurnEvents = m.ChurnEvents,
        Features = [.. m.Features],
        Auc = m.Auc,
        PrecisionAtTopDecile = m.PrecisionAtTopDecile,
        RecallAtTopDecile = m.RecallAtTopDecile,
        MinimumAuc = m.MinimumAuc,
        Passed = m.Passed,
        Verdict = m.Verdict,
        Model = m.Model,
    };

    public ChurnModelRecord ToRecord() => new(Id, TrainedAt.ToDateTimeOffset(), Days.ToDate(TrainedThrough), Snapshots, Positives, ChurnEvents,
        Features, Auc, PrecisionAtTopDecile, RecallAtTopDecile, MinimumAuc, Passed, Verdict, Model);
}
