using CsBot.Core.Ports;
using CsBot.Core.Prediction;

namespace CsBot.Storage.PostgreSql;

/// <summary>Trained churn models in "churn_models", one row per training; saving a training again replaces its row.</summary>
public sealed class PostgreSqlChurnModelStore(PostgreSqlDatabase database) : IChurnModelStore
{
    private readonly PostgreSqlDatabase _database = database ?? throw new ArgumentNullException(nameof(database));

    public void Save(ChurnModelRecord model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _database.With(c => Sql.Execute(c, null, """
            INSERT INTO churn_models (id, trained_at, passed, data) VALUES (@id, @trained_at, @passed, @data)
            ON CONFLICT (id) DO UPDATE SET trained_at = excluded.trained_at, passed = excluded.passed, data = excluded.data
            """, ("id", model.Id), ("trained_at", model.TrainedAt), ("passed", model.Passed), ("data", StoredJson.Write(model))));
    }

    public ChurnModelRecord? Latest() => Newest("SELECT data FROM churn_models ORDER BY trained_at DESC LIMIT 1");

    public ChurnModelRecord? LatestPassed() => Newest("SELECT data FROM churn_models WHERE passed ORDER BY trained_at DESC LIMIT 1");

    private ChurnModelRecord? Newest(string sql) =>
        _database.With(c => Sql.Rows(c, null, sql, r => StoredJson.Read<ChurnModelRecord>(r.GetString(0)))) is [var model] ? model : null;
}
