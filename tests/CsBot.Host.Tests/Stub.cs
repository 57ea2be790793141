using System.Reflection;

namespace CsBot.Host.Tests;

/// <summary>An interface answering the members it is given by name; any other member fails the test.</summary>
public class Stub<T> : DispatchProxy where T : class
{
    private Func<MethodInfo, object?[]?, object?> _answer = null!;

    public static T With(IReadOnlyDictionary<string, object?> members) => Of((m, _) =>
        members.TryGetValue(m.Name, out var value) ? value : throw new NotSupportedException($"{typeof(T).Name}.{m.Name} is not stubbed"));

    /// <summary>Every call throws as a call with a cancelled token does.</summary>
    public static T Cancelled() => Of((m, args) => throw new OperationCanceledException(args?.OfType<CancellationToken>().FirstOrDefault() ?? default));

    private static T Of(Func<MethodInfo, object?[]?, object?> answer)
    {
        var stub = Create<T, Stub<T>>();
        ((Stub<T>)(object)stub)._answer = answer;
        return stub;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => _answer(targetMethod!, args);
}
