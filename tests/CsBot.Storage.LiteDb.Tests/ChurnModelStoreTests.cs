using CsBot.Core.Prediction;

namespace CsBot.Storage.LiteDb.Tests;

public class ChurnModelStoreTests
{
    private static ChurnModelRecord Model(string id, DateTimeOffset at, bool passed) => new(id, at, DateOnly.FromDateTime(at.UtcDateTime), 4_800, 120, 31,
        ["seat utilisation (30 days)", "MRR"], passed ? 0.74 : 0.58, 0.21, 0.38, 0.65, passed, passed ? "In use: AUC 0.74" : "Not used: AUC 0.58", passed ? [1, 2, 3, 255] : []);

    [Fact]
    public void A_model_and_its_metadata_survive_reopening_the_file()
    {
        using var db = new TempDatabase();
        var context = db.Open();
        var saved = Model("churn-1", new DateTimeOffset(2026, 11, 22, 3, 0, 0, TimeSpan.FromHours(1)), passed: true);
        new LiteDbChurnModelStore(context).Save(saved);
        context.Dispose();

        var read = new LiteDbChurnModelStore(db.Open()).Latest()!;

        Assert.Equal(saved with { Features = [], Model = [] }, read with { Features = [], Model = [] });
        Assert.Equal(saved.Features, read.Features);
        Assert.Equal(saved.Model, read.Model);
        Assert.Equal(saved.TrainedAt.Offset, read.TrainedAt.Offset);
    }

    [Fact]
    public void The_latest_training_is_reported_and_the_latest_that_passed_is_used()
    {
        using var db = new TempDatabase();
        var store = new LiteDbChurnModelStore(db.Open());
        Assert.Null(store.Latest());
        Assert.Null(store.LatestPassed());

        var week1 = new DateTimeOffset(2026, 11, 8, 3, 0, 0, TimeSpan.Zero);
        store.Save(Model("churn-b", week1.AddDays(7), passed: true));
        store.Save(Model("churn-a", week1, passed: true));
        store.Save(Model("churn-c", week1.AddDays(14), passed: false));

        Assert.Equal("churn-c", store.Latest()!.Id);
        Assert.Equal("churn-b", store.LatestPassed()!.Id);
    }
}
