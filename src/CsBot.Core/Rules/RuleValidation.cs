namespace CsBot.Core.Rules;
public static class RuleValidation { public static IReadOnlyList<string> Validate(RulesOptions o) => []; }
