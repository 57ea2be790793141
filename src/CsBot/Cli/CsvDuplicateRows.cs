using CsBot.Application.Ingestion.Records;

namespace CsBot.Host.Cli;

/// <summary>
/// A record's key given twice in one file is an error on the later line, as it is within one API batch: ingestion
/// keeps one value per key, and which line should win cannot be told from the file. A file sent to a running CsBot
/// goes in batches, each checked by the host on its own, so the whole file is checked here before anything is sent:
/// otherwise a later batch would silently overwrite what an earlier line of the same file said.
/// </summary>
public static class CsvDuplicateRows
{
    /// <summary>Adds an error to every valid row whose key an earlier valid row already has.</summary>
    public static void Mark(IEnumerable<CsvImportFile.Row> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var first = new Dictionary<(string?, string), long>();
        foreach (var row in rows)
        {
            if (row.Errors.Count > 0 || KeyOf(row.Record) is not ({ } column, var account, { } key)) continue;
            if (!first.TryAdd((account, key), row.Line))
                row.Errors.Add((column, $"'{key}' is also on line {first[(account, key)]}{(account is null ? "" : $" for account '{account}'")}; give each one once"));
        }
    }

    /// <summary>The column holding a record's key, the account it belongs to (signals are keyed within their account) and the key.</summary>
    private static (string Column, string? Account, string? Key) KeyOf(object record) => record switch
    {
        AccountRecord a => ("externalId", null, Trim(a.ExternalId)),
        UsageRecord u => ("date", Trim(u.AccountExternalId), Trim(u.Date)),
        TicketRecord t => ("externalId", Trim(t.AccountExternalId), Trim(t.ExternalId)),
        SurveyRecord s => ("externalId", Trim(s.AccountExternalId), Trim(s.ExternalId)),
        InvoiceRecord i => ("externalId", Trim(i.AccountExternalId), Trim(i.ExternalId)),
        RevenueEventRecord r => ("externalId", Trim(r.AccountExternalId), Trim(r.ExternalId)),
        RenewalOutcomeRecord o => ("renewalDate", Trim(o.AccountExternalId), Trim(o.RenewalDate)),
        _ => throw new ArgumentException($"No key is known for a {record.GetType().Name}.", nameof(record)),
    };

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
