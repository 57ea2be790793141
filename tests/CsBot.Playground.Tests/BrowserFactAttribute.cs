namespace CsBot.Playground.Tests;

/// <summary>A test that drives chromium: skipped with the install hint where chromium is missing, except in CI.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute() => Skip = Chromium.SkipReason();
}
