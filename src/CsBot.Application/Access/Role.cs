namespace CsBot.Application.Access;

public enum Role
{
    Csm,
    Manager,
    Admin,
}
