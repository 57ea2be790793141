using CsBot.Testing.PostgreSql;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace CsBot.Storage.Contract.Tests.Infrastructure;

/// <summary>
/// A contract test, declared once on the abstract contract and run for each store's subclass. In a subclass marked
/// <see cref="NeedsPostgreSqlAttribute"/> it is skipped with the install hint when no server is configured, except in
/// CI, where it runs and fails (the same rule as <see cref="PostgreSqlFactAttribute"/>, which is fixed per method).
/// </summary>
[XunitTestCaseDiscoverer("CsBot.Storage.Contract.Tests.Infrastructure.StoreFactDiscoverer", "CsBot.Storage.Contract.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute;

/// <summary>The store under test is PostgreSQL: the class's tests need the test server.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class NeedsPostgreSqlAttribute : Attribute;

public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var needsServer = testMethod.TestClass.Class.GetCustomAttributes(typeof(NeedsPostgreSqlAttribute).AssemblyQualifiedName).Any();
        var skip = needsServer ? PostgreSqlServer.SkipReason() : null;
        var display = discoveryOptions.MethodDisplayOrDefault();
        var options = discoveryOptions.MethodDisplayOptionsOrDefault();
        yield return skip is null
            ? new XunitTestCase(diagnosticMessageSink, display, options, testMethod)
            : new XunitSkippedDataRowTestCase(diagnosticMessageSink, display, options, testMethod, skip);
    }
}
