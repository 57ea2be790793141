using CsBot.Application.Access;
using CsBot.Application.ReadModel;
using CsBot.Core.Querying;

namespace CsBot.Application.Asking;

/// <summary>Everything one answer needs: the question, who asked and their role, today, and the data to answer from.</summary>
public sealed record AskContext(ParsedQuestion Question, Asker Asker, Role Role, DateOnly Today, PortfolioSnapshot Portfolio, ScoreSnapshot Scores, AlertSnapshot Alerts, AccessPolicy Access);
