using Microsoft.Extensions.DependencyInjection;

namespace CsBot.Application;

/// <summary>Wraps a port another project registered, so one registration serves both (no store is registered twice).</summary>
public static class ServiceDecoration
{
    /// <summary>
    /// Makes <typeparamref name="TService"/> resolve to <typeparamref name="TDecorator"/> around the implementation
    /// registered before; the decorator is a singleton and resolvable by its own type too. Throws when nothing is
    /// registered yet, naming what to add first.
    /// </summary>
    public static IServiceCollection Decorate<TService, TDecorator>(this IServiceCollection services, Func<TService, IServiceProvider, TDecorator> decorate)
        where TService : class
        where TDecorator : class, TService
    {
        var index = -1;
        for (var i = services.Count - 1; i >= 0 && index < 0; i--)
            if (services[i].ServiceType == typeof(TService) && !services[i].IsKeyedService) index = i;
        if (index < 0)
            throw new InvalidOperationException($"{typeof(TService).Name} is not registered; register its store (e.g. AddLiteDbStorage) before decorating it.");

        var inner = services[index];
        services.AddSingleton(sp => decorate((TService)Create(inner, sp), sp));
        services[index] = ServiceDescriptor.Singleton<TService>(sp => sp.GetRequiredService<TDecorator>());
        return services;
    }

    private static object Create(ServiceDescriptor inner, IServiceProvider services) =>
        inner.ImplementationInstance
        ?? inner.ImplementationFactory?.Invoke(services)
        ?? ActivatorUtilities.CreateInstance(services, inner.ImplementationType!);
}
