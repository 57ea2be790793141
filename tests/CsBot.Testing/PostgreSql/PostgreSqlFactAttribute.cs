using Xunit;

namespace CsBot.Testing.PostgreSql;

/// <summary>A test that needs a PostgreSQL server: skipped with the hint without one, except in CI (see <see cref="PostgreSqlServer"/>).</summary>
public sealed class PostgreSqlFactAttribute : FactAttribute
{
    public PostgreSqlFactAttribute() => Skip = PostgreSqlServer.SkipReason();
}

/// <summary>A theory that needs a PostgreSQL server: skipped with the hint without one, except in CI.</summary>
public sealed class PostgreSqlTheoryAttribute : TheoryAttribute
{
    public PostgreSqlTheoryAttribute() => Skip = PostgreSqlServer.SkipReason();
}
