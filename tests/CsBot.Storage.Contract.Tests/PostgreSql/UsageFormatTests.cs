using CsBot.Core.Signals;
using CsBot.Storage.PostgreSql;
using CsBot.Tests.Shared;
using CsBot.Testing.PostgreSql;
using Npgsql;

namespace CsBot.Storage.Contract.Tests.PostgreSql;

/// <summary>
/// Usage is stored compactly (format 2); rows written before hold the fixed layout of 24 bytes a day (format 1). Those
/// must read the same, and an account saved again is rewritten in the compact format.
/// </summary>
public sealed class UsageFormatTests
{
    [PostgreSqlFact]
    public async Task Usage_in_the_fixed_layout_reads_the_same_and_is_rewritten_compact_on_save()
    {
        var test = await TestDatabase.CreateAsync();
        await using var _ = test;
        using var database = new PostgreSqlDatabase(test.ConnectionString);
        SchemaMigrator.Migrate(database);
        var store = new PostgreSqlPortfolioStore(database);
        var signals = TestData.FullSignals("acc-001", usageDays: 400);
        store.Save([signals]);
        await AssertCompactAsync(test, "acc-001", days: 400);

        // As rows written before the compact layout hold it: format byte 1, then six int32s a day.
        var fixedLayout = new byte[1 + signals.Usage.Length * UsageDayPacking.BytesPerDay];
        fixedLayout[0] = 1;
        UsageDayPacking.Pack(signals.Usage, fixedLayout.AsSpan(1));
        await using (var connection = new NpgsqlConnection(test.ConnectionString))
        {
            await connection.OpenAsync();
            await using var update = new NpgsqlCommand("UPDATE accounts SET usage = @usage WHERE id = 'acc-001'", connection);
            update.Parameters.AddWithValue("usage", fixedLayout);
            Assert.Equal(1, await update.ExecuteNonQueryAsync());
        }

        Asserts.SameSignals(signals, store.LoadSignals("acc-001"));
        Asserts.SameSignals(signals, Assert.Single(store.LoadAllSignals()));
        store.Save([signals]);
        await AssertCompactAsync(test, "acc-001", days: 400);
        Asserts.SameSignals(signals, store.LoadSignals("acc-001"));
    }

    /// <summary>The stored usage is in format 2 and takes at most half the fixed layout's 24 bytes a day.</summary>
    private static async Task AssertCompactAsync(TestDatabase test, string accountId, int days)
    {
        await using var connection = new NpgsqlConnection(test.ConnectionString);
        await connection.OpenAsync();
        await using var select = new NpgsqlCommand("SELECT usage FROM accounts WHERE id = @id", connection);
        select.Parameters.AddWithValue("id", accountId);
        var usage = (byte[])(await select.ExecuteScalarAsync())!;
        Assert.Equal(2, usage[0]);
        Assert.InRange(usage.Length - 1, days * 6, days * UsageDayPacking.BytesPerDay / 2);
    }
}
