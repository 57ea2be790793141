namespace CsBot.Core.Querying;

public enum IntentKind
{
    Help,
    AccountHealth,
    Why,
}
