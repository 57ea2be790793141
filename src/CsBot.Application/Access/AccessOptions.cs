namespace CsBot.Application.Access;

/// <summary>Who may see what. Section "Access". People are listed by email or chat user id.</summary>
public sealed class AccessOptions
{
    public const string SectionName = "Access";

    public List<string> Managers { get; set; } = [];
    public List<string> Admins { get; set; } = [];
    /// <summary>Only managers and admins see revenue metrics (NRR, GRR, revenue churn, expansion, CLV, quick ratio).</summary>
    public bool RestrictRevenueMetrics { get; set; }
    /// <summary>Only managers and admins see accounts owned by other CSMs.</summary>
    public bool RestrictOtherBooks { get; set; }
    /// <summary>Role of whoever uses the local console, playground or /api/local/ask (on the machine itself).</summary>
    public Role LocalRole { get; set; } = Role.Admin;
}
