using CsBot.Core.Accounts;

namespace CsBot.Application.ReadModel;

/// <summary>
/// One copy of each owner, manager, segment and plan among the accounts the read model holds. A store reads every
/// account's record afresh, so a portfolio of 100k accounts with a few dozen owners held 200k copies of a few dozen
/// people (each with its chat-id dictionary) and 100k copies of each segment and plan name: about a third of what the
/// records took once the signals were packed. Shared by a snapshot and its patches.
/// </summary>
internal sealed class RecordPool
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Person, Person> _people = [];
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);

    /// <summary><paramref name="account"/>, or an equal record that shares the people and names already held.</summary>
    public Account Share(Account account)
    {
        lock (_gate)
        {
            var owner = Person(account.Owner);
            var manager = account.Manager is { } m ? Person(m) : null;
            var segment = Name(account.Segment);
            var plan = Name(account.Plan);
            if (ReferenceEquals(owner, account.Owner) && ReferenceEquals(manager, account.Manager)
                && ReferenceEquals(segment, account.Segment) && ReferenceEquals(plan, account.Plan))
                return account;
            return account with { Owner = owner!, Manager = manager, Segment = segment!, Plan = plan! };
        }
    }

    private Person? Person(Person? person)
    {
        if (person is null) return null;
        if (_people.TryGetValue(person, out var held)) return held;
        _people[person] = person;
        return person;
    }

    private string? Name(string? name)
    {
        if (name is null) return null;
        if (_names.TryGetValue(name, out var held)) return held;
        _names[name] = name;
        return name;
    }
}
