using CsBot.Host.Cli;
using CsBot.Storage.LiteDb;
using Spectre.Console.Testing;

namespace CsBot.Host.Tests.Ingestion;

public sealed class CsvImportTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("csbot-csv-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Db => Path.Combine(_folder, "csbot.db");

    private (int Code, string Output) Run(params string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 200;
        var plain = new StringWriter();
        // The database is a setting like any other, given as the bot would get it.
        var code = CsBotCommandLine.Run([.. args, "--Storage:DatabasePath", Db], new CommandConsole(plain, plain, console));
        return (code, console.Output + plain);
    }

    private string File(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    private List<Core.Signals.AccountSignals> Stored()
    {
        using var context = new LiteDbContext(Db);
        return [.. new LiteDbPortfolioStore(context).LoadAllSignals()];
    }

    private const string Accounts =
        "externalId,name,segment,mrr,startDate,ownerName,ownerEmail\n" +
        "CRM-1,Acme,Enterprise,5000,2024-01-15,Dana Whitfield,dana@example.com\n" +
        "CRM-2,Initech,SMB,300,2024-03-01,Ben Kowalski,ben@example.com\n";

    [Fact]
    public void A_good_file_imports_and_a_second_import_changes_nothing()
    {
        var path = File("accounts.csv", Accounts);

        var first = Run("import", "accounts", path);
        var second = Run("import", "accounts", path);

        Assert.Equal(0, first.Code);
        Assert.Equal(["CRM-1", "CRM-2"], Stored().Select(s => s.Account.ExternalId));
        Assert.Equal(0, second.Code);
        Assert.Matches(@"2\s+│\s+0\s+│\s+0\s+│\s+2\s+│\s+0", second.Output);
    }

    [Fact]
    public void A_broken_file_names_line_and_column_and_writes_nothing()
    {
        var path = File("accounts.csv", Accounts + "CRM-3,Globex,SMB,lots,2024-02-30,Aisha Karim,aisha@example.com\n");

        var (code, output) = Run("import", "accounts", path);

        Assert.Equal(1, code);
        Assert.Contains("line 4, column mrr: 'lots' is not a number", output);
        Assert.Contains("Nothing was written", output);
        Assert.Empty(Stored());
    }

    [Fact]
    public void A_validation_error_names_the_line_and_the_csv_column_and_skip_invalid_imports_the_rest()
    {
        var path = File("accounts.csv", Accounts + "CRM-3,Globex,SMB,100,2024-02-01,Aisha Karim,not-an-email\n");

        var strict = Run("import", "accounts", path);
        var empty = Stored().Count;
        var lenient = Run("import", "accounts", path, "--skip-invalid");

        Assert.Contains("line 4, column ownerEmail:", strict.Output);
        Assert.Equal(0, empty);
        Assert.Equal(3, lenient.Code);
        Assert.Equal(["CRM-1", "CRM-2"], Stored().Select(s => s.Account.ExternalId));
    }

    [Fact]
    public void Usage_for_an_unknown_account_is_rejected_with_its_line()
    {
        Run("import", "accounts", File("accounts.csv", Accounts));
        var path = File("usage.csv", "accountExternalId,date,activeUsers,monthlyActiveUsers,licensedSeats,logins,keyFeatureUses\nCRM-1,2026-01-01,5,8,10,6,9\nCRM-9,2026-01-01,5,8,10,6,9\n");

        var (code, output) = Run("import", "usage", path);

        Assert.Equal(1, code);
        Assert.Contains("line 3, column accountExternalId:", output);
        Assert.All(Stored(), s => Assert.Empty(s.Usage));
    }

    [Fact]
    public void An_imported_usage_cliff_is_rescored_at_once_and_its_alert_waits_in_the_outbox_for_the_bot()
    {
        Run("import", "accounts", File("accounts.csv", Accounts));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var usage = new System.Text.StringBuilder("accountExternalId,date,activeUsers,monthlyActiveUsers,licensedSeats,logins,keyFeatureUses\n");
        for (var i = 0; i < 42; i++)
        {
            var active = i < 35 ? 100 : 40; // the last 7 days 60% lower
            usage.Append($"CRM-1,{today.AddDays(-41 + i):yyyy-MM-dd},{active},120,120,{active * 2},{active * 3}\n");
        }

        var (code, output) = Run("import", "usage", File("usage.csv", usage.ToString()), "--Scheduling:TimeZone=UTC");

        Assert.Equal(0, code);
        Assert.Contains("Rescored 1 changed accounts", output);
        Assert.Contains("messages wait in the outbox; CsBot delivers them when it next starts", output);
        Assert.DoesNotContain("running CsBot", output);
        using var context = new LiteDbContext(Db);
        var cliff = Assert.Single(new LiteDbAlertStore(context).GetOpen(), a => a.RuleId == "usage-cliff");
        Assert.Equal("acc-crm-1", cliff.AccountId);
        Assert.True(new LiteDbOutbox(context, TimeProvider.System).Counts()[Core.Outbox.OutboxState.Pending] > 0, "the alert is queued for the bot to deliver");
    }

    [Fact]
    public void An_import_while_another_process_holds_the_database_names_the_file_and_writes_nothing()
    {
        var path = File("accounts.csv", Accounts);

        int code;
        string output;
        using (new LiteDbContext(Db)) (code, output) = Run("import", "accounts", path);

        Assert.Equal(2, code);
        Assert.Contains(Db, output);
        Assert.Contains("in use by another CsBot process", output);
        Assert.Empty(Stored());
    }

    [Fact]
    public void An_export_of_the_demo_portfolio_imports_back_unchanged()
    {
        foreach (var kind in new[] { "accounts", "usage", "tickets", "surveys", "invoices", "revenue", "renewals" })
        {
            var path = Path.Combine(_folder, kind + ".csv");
            Assert.Equal(0, Run("export", kind, path, "--accounts", "5", "--demo").Code);
            Assert.Equal(0, Run("import", kind, path).Code);
        }
        var exported = Path.Combine(_folder, "again.csv");
        Run("export", "tickets", exported);

        var again = Run("import", "tickets", exported);

        Assert.Equal(5, Stored().Count);
        Assert.Matches(@"│\s+0\s+│\s+0\s+│\s+[1-9][\d,]*\s+│\s+0\s+│", again.Output);
    }

    [Fact]
    public void A_duplicated_header_column_is_named_without_a_stack_trace_and_nothing_is_written()
    {
        var path = File("accounts.csv", "externalId,name,name,mrr,startDate,ownerName,ownerEmail\nCRM-1,Acme,Acme Corp,5000,2024-01-15,Dana,dana@example.com\n");

        var (code, output) = Run("import", "accounts", path, "--skip-invalid");

        Assert.Equal(1, code);
        Assert.Contains("line 1, column name: appears twice (columns 2 and 3)", output);
        Assert.DoesNotContain(" at CsBot.", output);
        Assert.Contains("Nothing was written", output);
        Assert.Empty(Stored());
    }

    [Fact]
    public void An_unclosed_quote_names_its_line_and_column_instead_of_a_too_long_value()
    {
        var path = File("accounts.csv", Accounts + "CRM-3,\"Globex,SMB,100,2024-02-01,Aisha Karim,aisha@example.com\nCRM-4,Hooli,SMB,100,2024-02-01,Gavin,gavin@example.com\n");

        var (code, output) = Run("import", "accounts", path, "--skip-invalid");

        Assert.Equal(1, code);
        Assert.Contains("line 4, column name: the quote that opens this value is never closed", output);
        Assert.DoesNotContain("characters long", output);
        Assert.Empty(Stored());
    }

    [Fact]
    public void Text_after_a_closing_quote_is_an_error_of_its_column_not_glued_onto_the_value()
    {
        var path = File("accounts.csv", Accounts + "CRM-3,\"Globex\" Corp,SMB,100,2024-02-01,Aisha Karim,aisha@example.com\n");

        var (code, output) = Run("import", "accounts", path);

        Assert.Equal(1, code);
        Assert.Contains("line 4, column name: has text after its closing quote", output);
        Assert.Empty(Stored());
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("\uFEFF")]
    public void An_empty_file_is_an_error_not_a_success(string text)
    {
        var (code, output) = Run("import", "accounts", File("accounts.csv", text));

        Assert.Equal(1, code);
        Assert.Contains("line 1: the file is empty; its first line must name the columns: the Accounts columns are externalId, name,", output);
        Assert.DoesNotContain("Imported", output);
    }

    [Fact]
    public void A_header_without_rows_is_an_error_not_a_success()
    {
        var (code, output) = Run("import", "accounts", File("accounts.csv", "externalId,name,mrr,startDate,ownerName,ownerEmail\n"));

        Assert.Equal(1, code);
        Assert.Contains("the file has a header but no rows", output);
    }

    [Fact]
    public void Extra_values_in_a_row_are_an_error_of_that_row_not_dropped()
    {
        // An unquoted comma in a name shifts every value after it: "Globex, Inc" becomes two values.
        var path = File("accounts.csv", Accounts + "CRM-3,Globex, Inc,SMB,100,2024-02-01,Aisha Karim,aisha@example.com\n");

        var strict = Run("import", "accounts", path);
        var empty = Stored().Count;
        var lenient = Run("import", "accounts", path, "--skip-invalid");

        Assert.Equal(1, strict.Code);
        Assert.Contains("line 4, column 8: the row has 8 values, but the header names 7 columns", strict.Output);
        Assert.Equal(0, empty);
        Assert.Equal(3, lenient.Code);
        Assert.Equal(["CRM-1", "CRM-2"], Stored().Select(s => s.Account.ExternalId));
    }

    [Fact]
    public void A_row_with_fewer_values_than_the_header_names_the_first_missing_column()
    {
        var path = File("accounts.csv", Accounts + "CRM-3,Globex,SMB,100,2024-02-01,Aisha Karim\n");

        var (code, output) = Run("import", "accounts", path);

        Assert.Equal(1, code);
        Assert.Contains("line 4, column ownerEmail: is missing: the row has 6 values, but the header names 7 columns", output);
        Assert.Empty(Stored());
    }

    [Fact]
    public void Text_that_is_not_utf8_names_the_line_and_byte_and_nothing_is_written()
    {
        // "Müller" in Latin-1 (as old Excel versions save CSV): ü is the single byte FC.
        var good = System.Text.Encoding.UTF8.GetBytes(Accounts);
        var bad = System.Text.Encoding.Latin1.GetBytes("CRM-3,M\u00fcller GmbH,SMB,100,2024-02-01,Aisha Karim,aisha@example.com\n");
        var path = Path.Combine(_folder, "accounts.csv");
        System.IO.File.WriteAllBytes(path, [.. good, .. bad]);

        var (code, output) = Run("import", "accounts", path, "--skip-invalid");

        Assert.Equal(1, code);
        Assert.Contains($"line 4 (byte {good.Length + 7} of the file): the bytes FC are not UTF-8 text", output);
        Assert.Empty(Stored());
    }

    [Fact]
    public void A_utf8_byte_order_mark_is_accepted_and_names_keep_their_letters()
    {
        var path = Path.Combine(_folder, "accounts.csv");
        System.IO.File.WriteAllText(path, Accounts.Replace("Acme", "Müller Ärzte"), new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var (code, _) = Run("import", "accounts", path);

        Assert.Equal(0, code);
        Assert.Equal(["Müller Ärzte", "Initech"], Stored().Select(s => s.Account.Name));
    }

    [Fact]
    public void A_misspelt_column_is_named_with_the_column_it_probably_meant_and_the_expected_ones()
    {
        var path = File("accounts.csv", Accounts.Replace("ownerEmail", "ownerEmial"));

        var (code, output) = Run("import", "accounts", path);

        Assert.Equal(1, code);
        Assert.Contains("line 1: unknown column(s) ownerEmial (did you mean ownerEmail?); the Accounts columns are externalId, name,", output);
        Assert.Empty(Stored());
    }

    [Fact]
    public void A_missing_required_column_is_one_header_error_not_an_error_on_every_row()
    {
        var path = File("accounts.csv", "externalId,name,mrr,startDate,ownerName\nCRM-1,Acme,5000,2024-01-15,Dana\nCRM-2,Initech,300,2024-03-01,Ben\n");

        var (code, output) = Run("import", "accounts", path);

        Assert.Equal(1, code);
        Assert.Contains("line 1: the required column(s) ownerEmail are missing", output);
        Assert.DoesNotContain("line 2", output);
        Assert.Empty(Stored());
    }

    private const string Renewals =
        "accountExternalId,renewalDate,outcome,mrrBefore,mrrAfter\n" +
        "CRM-1,2025-01-15,Renewed,4500,5000\n" +
        "CRM-2,2025-03-01,Churned,300,0\n";

    [Fact]
    public void Renewal_outcomes_import_once_export_back_and_a_second_import_changes_nothing()
    {
        Run("import", "accounts", File("accounts.csv", Accounts));
        var path = File("renewals.csv", Renewals);

        var first = Run("import", "renewals", path);
        var exported = Path.Combine(_folder, "renewals-out.csv");
        var export = Run("export", "renewals", exported);
        var again = Run("import", "renewals", exported);

        Assert.Equal(0, first.Code);
        Assert.Equal(0, export.Code);
        Assert.Equal(0, again.Code);
        Assert.Matches(@"2\s+│\s+0\s+│\s+0\s+│\s+2\s+│\s+0", again.Output);
        var outcomes = Stored().SelectMany(s => s.RenewalOutcomes).OrderBy(o => o.RenewalDate).ToList();
        Assert.Equal([(new DateOnly(2025, 1, 15), Core.Signals.RenewalResult.Renewed, 5000m), (new DateOnly(2025, 3, 1), Core.Signals.RenewalResult.Churned, 0m)],
            outcomes.Select(o => (o.RenewalDate, o.Result, o.MrrAfter)));
    }

    [Fact]
    public void A_bad_renewal_row_names_its_line_and_column_and_writes_nothing()
    {
        Run("import", "accounts", File("accounts.csv", Accounts));
        var path = File("renewals.csv", Renewals + "CRM-1,2026-01-15,Lapsed,5000,5000\nCRM-2,2026-03-01,Churned,300,120\nCRM-1,2025-01-15,Renewed,4500,5000\n");

        var (code, output) = Run("import", "renewals", path);

        Assert.Equal(1, code);
        Assert.Contains("line 4, column outcome: 'Lapsed' is not one of Renewed, Churned, Downgraded", output);
        Assert.Contains("line 5, column mrrAfter:", output);
        Assert.Contains("line 6, column renewalDate: duplicates record 0", output);
        Assert.Empty(Stored().SelectMany(s => s.RenewalOutcomes));
    }

    [Fact]
    public void The_contract_term_is_an_optional_accounts_column_checked_like_the_api()
    {
        var good = File("terms.csv", "externalId,name,mrr,startDate,ownerName,ownerEmail,contractKind,renewalDate,contractTermMonths\n" +
                                     "CRM-1,Acme,5000,2024-01-15,Dana Whitfield,dana@example.com,MultiYear,2027-01-15,36\n");
        var bad = File("bad-terms.csv", "externalId,name,mrr,startDate,ownerName,ownerEmail,contractTermMonths\n" +
                                        "CRM-2,Initech,300,2024-03-01,Ben Kowalski,ben@example.com,121\n");

        var ok = Run("import", "accounts", good);
        var refused = Run("import", "accounts", bad);

        Assert.Equal(0, ok.Code);
        Assert.Equal(36, Assert.Single(Stored()).Account.ContractTermMonths);
        Assert.Contains("line 2, column contractTermMonths: is 121; use 1 to 120", refused.Output);
    }
}
