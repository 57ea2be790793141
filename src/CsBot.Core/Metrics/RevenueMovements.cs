using CsBot.Core.Signals;

namespace CsBot.Core.Metrics;

/// <summary>
/// MRR movements of a set of accounts over a period. MRR of an account at the start of a day is the sum of its
/// <see cref="RevenueEvent.MrrDelta"/> dated before that day; "start" is the start of <see cref="DateRange.From"/>,
/// "end" the end of <see cref="DateRange.To"/>. Events dated From..To (inclusive) are movements of the period.
/// All movement amounts are positive.
/// </summary>
/// <remarks>
/// Two views are kept. The whole-portfolio flows (<see cref="New"/>, <see cref="Expansion"/>, <see cref="Contraction"/>,
/// <see cref="Churn"/>, <see cref="Reactivation"/>) feed the quick ratio. The "existing" flows only count accounts that
/// had MRR at the start (the retention cohort) and feed NRR, GRR and revenue churn: new logos are left out, and so are
/// reactivations of accounts that had no MRR at the start. A reactivation (or a stray "new" event) of an account that
/// had MRR at the start is counted as expansion of that account.
/// </remarks>
public sealed record RevenueMovements
{
    public required DateRange Period { get; init; }

    /// <summary>MRR at the start of the period of accounts with MRR &gt; 0 then.</summary>
    public decimal StartMrr { get; init; }
    /// <summary>MRR at the end of the period of accounts with MRR &gt; 0 then.</summary>
    public decimal EndMrr { get; init; }
    /// <summary>Accounts with MRR &gt; 0 at the start.</summary>
    public int CustomersAtStart { get; init; }
    /// <summary>Accounts with MRR &gt; 0 at the end.</summary>
    public int CustomersAtEnd { get; init; }
    /// <summary>Customers at the end that had no MRR at the start: new logos and won-back customers.</summary>
    public int NewCustomers { get; init; }
    /// <summary>Customers at the start with a churn event in the period.</summary>
    public int CustomersLost { get; init; }

    /// <summary>MRR from new-logo events in the period, whole portfolio.</summary>
    public decimal New { get; init; }
    /// <summary>MRR from expansion events in the period, whole portfolio.</summary>
    public decimal Expansion { get; init; }
    /// <summary>MRR lost to contraction events in the period, whole portfolio.</summary>
    public decimal Contraction { get; init; }
    /// <summary>MRR lost to churn events in the period, whole portfolio.</summary>
    public decimal Churn { get; init; }
    /// <summary>MRR from reactivation events in the period, whole portfolio.</summary>
    public decimal Reactivation { get; init; }

    /// <summary>Expansion of accounts with MRR at the start, including their reactivations (see remarks).</summary>
    public decimal ExistingExpansion { get; init; }
    /// <summary>The part of <see cref="ExistingExpansion"/> that came from reactivation (or "new") events.</summary>
    public decimal ExistingReactivation { get; init; }
    /// <summary>Contraction of accounts with MRR at the start.</summary>
    public decimal ExistingContraction { get; init; }
    /// <summary>Churn of accounts with MRR at the start.</summary>
    public decimal ExistingChurn { get; init; }

    /// <summary>Accounts without MRR at the start that had movements in the period (left out of retention metrics).</summary>
    public int ExcludedAccounts { get; init; }
    /// <summary>Net MRR change of <see cref="ExcludedAccounts"/> in the period.</summary>
    public decimal ExcludedNetMrr { get; init; }

    /// <summary>MRR of <paramref name="account"/> at the start of <paramref name="day"/>: the sum of its deltas dated before it.</summary>
    public static decimal MrrAt(AccountSignals account, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(account);
        var mrr = 0m;
        foreach (var e in account.RevenueEvents)
            if (e.Date < day)
                mrr += e.MrrDelta;
        return mrr;
    }

    /// <summary>Summarises the MRR movements of <paramref name="accounts"/> over <paramref name="period"/>.</summary>
    public static RevenueMovements Of(IEnumerable<AccountSignals> accounts, DateRange period)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        decimal startMrr = 0, endMrr = 0, @new = 0, expansion = 0, contraction = 0, churn = 0, reactivation = 0;
        decimal existingExpansion = 0, existingReactivation = 0, existingContraction = 0, existingChurn = 0, excludedNet = 0;
        int atStart = 0, atEnd = 0, newCustomers = 0, lost = 0, excluded = 0;

        foreach (var account in accounts)
        {
            decimal start = 0, inPeriod = 0;
            decimal up = 0, reactivated = 0, contracted = 0, churned = 0;
            var hadChurn = false;
            var hadMovement = false;

            foreach (var e in account.RevenueEvents)
            {
                if (e.Date < period.From)
                {
                    start += e.MrrDelta;
                    continue;
                }
                if (e.Date > period.To)
                    continue;

                inPeriod += e.MrrDelta;
                hadMovement = true;
                var amount = Math.Abs(e.MrrDelta);
                switch (e.Kind)
                {
                    case RevenueEventKind.New:
                        @new += amount;
                        reactivated += amount;
                        break;
                    case RevenueEventKind.Reactivation:
                        reactivation += amount;
                        reactivated += amount;
                        break;
                    case RevenueEventKind.Expansion:
                        expansion += amount;
                        up += amount;
                        break;
                    case RevenueEventKind.Contraction:
                        contraction += amount;
                        contracted += amount;
                        break;
                    case RevenueEventKind.Churn:
                        churn += amount;
                        churned += amount;
                        hadChurn = true;
                        break;
                }
            }

            var end = start + inPeriod;
            var existed = start > 0;
            if (existed)
            {
                atStart++;
                startMrr += start;
                existingExpansion += up + reactivated;
                existingReactivation += reactivated;
                existingContraction += contracted;
                existingChurn += churned;
                if (hadChurn)
                    lost++;
            }
            else if (hadMovement)
            {
                excluded++;
                excludedNet += inPeriod;
            }

            if (end > 0)
            {
                atEnd++;
                endMrr += end;
                if (!existed)
                    newCustomers++;
            }
        }

        return new RevenueMovements
        {
            Period = period,
            StartMrr = startMrr,
            EndMrr = endMrr,
            CustomersAtStart = atStart,
            CustomersAtEnd = atEnd,
            NewCustomers = newCustomers,
            CustomersLost = lost,
            New = @new,
            Expansion = expansion,
            Contraction = contraction,
            Churn = churn,
            Reactivation = reactivation,
            ExistingExpansion = existingExpansion,
            ExistingReactivation = existingReactivation,
            ExistingContraction = existingContraction,
            ExistingChurn = existingChurn,
            ExcludedAccounts = excluded,
            ExcludedNetMrr = excludedNet,
        };
    }
}
