using System.Security.Cryptography;

namespace CsBot.Storage.LiteDb.Tests;

/// <summary>CsBot never overwrites, modifies or shares a data file it cannot safely use.</summary>
public sealed class DatabaseFileTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void A_second_opener_of_a_file_in_use_is_refused_with_a_message_naming_the_file()
    {
        using var first = _db.Open();
        new LiteDbPortfolioStore(first).Save([TestData.FullSignals("acc-001")]);

        var refused = Assert.Throws<DatabaseFileException>(() => new LiteDbContext(_db.DatabasePath));

        Assert.Contains(_db.DatabasePath, refused.Message);
        Assert.Contains("in use by another CsBot process", refused.Message);
        Assert.NotNull(new LiteDbPortfolioStore(first).LoadSignals("acc-001"));
    }

    [Fact]
    public void A_file_in_use_reports_a_problem_while_it_is_gone_or_not_a_database_and_none_once_it_is_back()
    {
        using var context = _db.Open();
        new LiteDbPortfolioStore(context).Save([TestData.FullSignals("acc-001")]);
        Assert.Null(context.CurrentProblem());
        var copy = _db.DatabasePath + ".copy";
        File.Copy(_db.DatabasePath, copy);

        File.Delete(_db.DatabasePath);
        Assert.Contains("no longer exists", context.CurrentProblem());
        File.WriteAllBytes(_db.DatabasePath, new byte[2 * 8192]);
        Assert.Contains("is not a LiteDB database file", context.CurrentProblem());
        File.Copy(copy, _db.DatabasePath, overwrite: true);
        Assert.Null(context.CurrentProblem());
    }

    [Fact]
    public void Once_the_first_opener_closes_the_file_opens_again()
    {
        _db.Open().Dispose();

        using var again = new LiteDbContext(_db.DatabasePath);

        Assert.True(new LiteDbPortfolioStore(again).IsEmpty());
    }

    [Fact]
    public void An_empty_file_is_refused_not_replaced()
    {
        var bytes = Write([]);

        var refused = Refused();

        Assert.Contains("is empty (0 bytes)", refused.Message);
        Assert.Equal(bytes, File.ReadAllBytes(_db.DatabasePath));
    }

    [Fact]
    public void A_file_that_is_not_a_database_is_refused_not_replaced()
    {
        var bytes = Write("accounts,name\n1,Acme\n"u8.ToArray());

        var refused = Refused();

        Assert.Contains("is not a LiteDB database file", refused.Message);
        Assert.Contains("mv ", refused.Message);
        Assert.Equal(bytes, File.ReadAllBytes(_db.DatabasePath));
    }

    [Fact]
    public void A_file_cut_inside_a_page_is_refused_and_left_as_it_was()
    {
        var full = Healthy();
        var bytes = Write(full[..(full.Length - 3000)]);

        var refused = Refused();

        Assert.Contains("not a whole number of 8,192-byte pages", refused.Message);
        Assert.Equal(bytes, File.ReadAllBytes(_db.DatabasePath));
    }

    [Fact]
    public void A_file_missing_its_last_pages_is_refused_and_left_as_it_was()
    {
        var full = Healthy();
        var bytes = Write(full[..(full.Length / 2 / 8192 * 8192)]);

        var refused = Refused();

        Assert.Contains("is truncated", refused.Message);
        Assert.Equal(bytes, File.ReadAllBytes(_db.DatabasePath));
    }

    [Fact]
    public void A_file_with_garbled_pages_is_refused_and_left_as_it_was()
    {
        var full = Healthy();
        var garbage = new byte[20_000];
        new Random(7).NextBytes(garbage);
        garbage.CopyTo(full, full.Length / 2);
        var bytes = Write(full);

        var refused = Refused();

        Assert.Contains("is damaged", refused.Message);
        Assert.Equal(SHA256.HashData(bytes), SHA256.HashData(File.ReadAllBytes(_db.DatabasePath)));
    }

    [Fact]
    public void A_healthy_file_after_deletes_and_rewrites_opens_with_its_data()
    {
        Healthy();

        using var reopened = new LiteDbContext(_db.DatabasePath);

        Assert.Equal(120, new LiteDbPortfolioStore(reopened).GetAccounts().Count);
    }

    /// <summary>A real database that has grown, shrunk and been rewritten, closed cleanly; returns its bytes.</summary>
    private byte[] Healthy()
    {
        using (var context = new LiteDbContext(_db.DatabasePath))
        {
            var portfolio = new LiteDbPortfolioStore(context);
            portfolio.Save([.. Enumerable.Range(0, 200).Select(i => TestData.FullSignals($"acc-{i:D3}", usageDays: 120))]);
            portfolio.Save([.. Enumerable.Range(0, 120).Select(i => TestData.FullSignals($"acc-{i:D3}", usageDays: 30))]);
            context.Database.GetCollection(LiteDbContext.Accounts).DeleteMany("$._id >= 'acc-120'");
        }
        return File.ReadAllBytes(_db.DatabasePath);
    }

    private byte[] Write(byte[] bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_db.DatabasePath)!);
        File.WriteAllBytes(_db.DatabasePath, bytes);
        foreach (var log in Directory.GetFiles(Path.GetDirectoryName(_db.DatabasePath)!, "*-log.db")) File.Delete(log);
        return bytes;
    }

    private DatabaseFileException Refused()
    {
        var refused = Assert.Throws<DatabaseFileException>(() => new LiteDbContext(_db.DatabasePath));
        Assert.Contains(_db.DatabasePath, refused.Message);
        Assert.Contains("has not changed the file", refused.Message);
        // The way back names the log too: left beside a restored backup, LiteDB would replay it into the backup.
        Assert.Contains($"mv {DatabaseFileCheck.LogPathOf(_db.DatabasePath)} ", refused.Message);
        // The refusal releases the lock, so the admin's fix and a retry need no restart of anything else.
        Assert.Throws<DatabaseFileException>(() => new LiteDbContext(_db.DatabasePath));
        return refused;
    }
}
