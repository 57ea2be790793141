using CsBot.Core.Scoring;

namespace CsBot.Application.ReadModel;

/// <summary>
/// Makes the latest scores read whole share what many accounts have in common: equal breakdown lines (the same
/// component with the same values and reason), equal reasons, and equal lists of components left out, each held once
/// instead of once per account, and every list as an array of its exact length. A store reads each score's breakdown
/// into objects of its own, about 2.5 KB an account; most lines repeat across a portfolio ("no open tickets", "no
/// survey answers in 180 days"). The scores are the same values, as immutable records.
/// </summary>
/// <remarks>
/// A score snapshot keeps its pool, and the scores patched in after a write (a full evaluation makes every active
/// account's breakdown anew) are shared through it too. The pool only grows, so a snapshot starts a new one once it holds
/// <see cref="RenewAfter"/> entries per account held.
/// </remarks>
internal sealed class SharedBreakdowns
{
    /// <summary>Entries per account of the snapshot past which a patch starts a new pool (a portfolio's own are about 10).</summary>
    public const int RenewAfter = 20;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);
    private readonly Dictionary<ComponentScore, ComponentScore> _components = [];
    private readonly Dictionary<OmittedComponent, OmittedComponent> _omitted = [];
    private readonly Dictionary<string, OmittedComponent[]> _omittedLists = new(StringComparer.Ordinal);

    /// <summary>Every score of <paramref name="latest"/> with its breakdown shared, by the same keys.</summary>
    public Dictionary<string, HealthScore> Share(IReadOnlyDictionary<string, HealthScore> latest)
    {
        ArgumentNullException.ThrowIfNull(latest);
        var result = new Dictionary<string, HealthScore>(latest.Count, StringComparer.Ordinal);
        lock (_gate)
            foreach (var (id, score) in latest) result[id] = Of(score);
        return result;
    }

    /// <summary>Lines, reasons and lists held, counted together.</summary>
    public int Held
    {
        get
        {
            lock (_gate) return _texts.Count + _components.Count + _omitted.Count + _omittedLists.Count;
        }
    }

    /// <summary>This pool, or a new one when it holds more than <see cref="RenewAfter"/> entries for each of <paramref name="accounts"/>.</summary>
    public SharedBreakdowns RenewedFor(int accounts) => Held > RenewAfter * Math.Max(accounts, 1_000) ? new SharedBreakdowns() : this;

    private HealthScore Of(HealthScore score) => score with
    {
        Components = Components(score.Components),
        Omitted = Omitted(score.Omitted),
    };

    private ComponentScore[] Components(IReadOnlyList<ComponentScore> components)
    {
        if (components.Count == 0) return [];
        var shared = new ComponentScore[components.Count];
        for (var i = 0; i < shared.Length; i++)
        {
            var component = components[i];
            if (!_components.TryGetValue(component, out var held))
            {
                held = component with { Reason = Text(component.Reason) };
                _components[held] = held;
            }
            shared[i] = held;
        }
        return shared;
    }

    private OmittedComponent[] Omitted(IReadOnlyList<OmittedComponent> omitted)
    {
        if (omitted.Count == 0) return [];
        // Keyed by its kinds and reasons: accounts without the same data have the same list left out.
        var key = string.Join('\u001f', omitted.Select(o => $"{(int)o.Kind}\u001e{o.Why}"));
        if (_omittedLists.TryGetValue(key, out var list)) return list;
        list = new OmittedComponent[omitted.Count];
        for (var i = 0; i < list.Length; i++)
        {
            var one = omitted[i];
            if (!_omitted.TryGetValue(one, out var held))
            {
                held = one with { Why = Text(one.Why) };
                _omitted[held] = held;
            }
            list[i] = held;
        }
        _omittedLists[key] = list;
        return list;
    }

    private string Text(string text)
    {
        if (text is null) return text!;
        if (_texts.TryGetValue(text, out var held)) return held;
        _texts[text] = text;
        return text;
    }
}
