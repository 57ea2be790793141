using CsBot.Application.Access;
using CsBot.Application.ReadModel;
using CsBot.Core.Querying;

namespace CsBot.Application.Asking;

/// <summary>
/// Everything one answer needs: the question, who asked and their role, today, the data to answer from and the
/// currency its money is in.
/// </summary>
public sealed record AskContext(ParsedQuestion Question, Asker Asker, Role Role, DateOnly Today, PortfolioSnapshot Portfolio, ScoreSnapshot Scores, AlertSnapshot Alerts, AccessPolicy Access, string Currency);
