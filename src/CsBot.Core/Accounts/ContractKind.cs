namespace CsBot.Core.Accounts;

public enum ContractKind
{
    Monthly,
    Annual,
    MultiYear,
}
