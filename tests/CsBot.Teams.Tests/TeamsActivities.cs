using System.Text.Json.Nodes;

namespace CsBot.Teams.Tests;

/// <summary>Activities shaped as Teams sends them to a bot (ids, channelData, mention entities).</summary>
public static class TeamsActivities
{
    public const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public const string BotId = "28:csbot-app";
    public const string TeamId = "19:team-general@thread.tacv2";
    public const string ChannelId = "19:cs-alerts@thread.tacv2";

    public static JsonObject ChannelMessage(string serviceUrl, string text, string id = "1700000000001", string tenant = Tenant) => new()
    {
        ["type"] = "message",
        ["id"] = id,
        ["timestamp"] = "2026-11-26T10:00:00.000Z",
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = "29:user-dana", ["name"] = "Dana Whitfield", ["aadObjectId"] = "aad-dana" },
        ["conversation"] = new JsonObject
        {
            ["isGroup"] = true,
            ["conversationType"] = "channel",
            ["tenantId"] = tenant,
            ["id"] = ChannelId + ";messageid=" + id,
        },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "CsBot" },
        ["textFormat"] = "plain",
        ["text"] = "<at>CsBot</at> " + text,
        ["entities"] = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "mention",
                ["text"] = "<at>CsBot</at>",
                ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = "CsBot" },
            },
        },
        ["channelData"] = new JsonObject
        {
            ["teamsChannelId"] = ChannelId,
            ["teamsTeamId"] = TeamId,
            ["channel"] = new JsonObject { ["id"] = ChannelId, ["name"] = "cs-alerts" },
            ["team"] = new JsonObject { ["id"] = TeamId, ["name"] = "Customer Success" },
            ["tenant"] = new JsonObject { ["id"] = tenant },
        },
    };

    public static JsonObject PersonalMessage(string serviceUrl, string text, string conversationId = "a:personal-dana", string id = "1700000000101") => new()
    {
        ["type"] = "message",
        ["id"] = id,
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = "29:user-dana", ["name"] = "Dana Whitfield", ["aadObjectId"] = "aad-dana" },
        ["conversation"] = new JsonObject { ["conversationType"] = "personal", ["tenantId"] = Tenant, ["id"] = conversationId },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "CsBot" },
        ["text"] = text,
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Tenant } },
    };

    /// <summary>What Teams sends when a card's Action.Submit is pressed: a message with the button's data as value.</summary>
    public static JsonObject CardSubmit(string serviceUrl, string kind, string value, string replyToId, string conversationId = "a:personal-dana")
    {
        var activity = PersonalMessage(serviceUrl, "", conversationId, id: "1700000000202");
        activity.Remove("text");
        activity["replyToId"] = replyToId;
        activity["value"] = new JsonObject { ["kind"] = kind, ["value"] = value };
        return activity;
    }

    /// <summary>
    /// The app added to a team, as Teams sends it: in the General channel, whose id is the team's, and without
    /// channelData.channel.
    /// </summary>
    public static JsonObject TeamInstall(string serviceUrl, string teamId, string teamName) => new()
    {
        ["type"] = "conversationUpdate",
        ["id"] = "f:team-install-" + teamId,
        ["timestamp"] = "2026-11-26T09:00:00.000Z",
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = "29:user-dana", ["aadObjectId"] = "aad-dana" },
        ["conversation"] = new JsonObject { ["isGroup"] = true, ["conversationType"] = "channel", ["tenantId"] = Tenant, ["id"] = teamId },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "CsBot" },
        ["membersAdded"] = new JsonArray { new JsonObject { ["id"] = BotId } },
        ["channelData"] = new JsonObject
        {
            ["team"] = new JsonObject { ["id"] = teamId, ["name"] = teamName },
            ["eventType"] = "teamMemberAdded",
            ["tenant"] = new JsonObject { ["id"] = Tenant },
        },
    };

    /// <summary>
    /// An @mention in any team's channel. Teams sends the General channel without a name (its id is the team's), so
    /// <paramref name="channelName"/> null leaves the name out.
    /// </summary>
    public static JsonObject MentionIn(string serviceUrl, string teamId, string teamName, string channelId, string? channelName, string text, string id)
    {
        var message = ChannelMessage(serviceUrl, text, id);
        message["conversation"]!["id"] = channelId + ";messageid=" + id;
        var channel = new JsonObject { ["id"] = channelId };
        if (channelName is not null) channel["name"] = channelName;
        message["channelData"] = new JsonObject
        {
            ["teamsChannelId"] = channelId,
            ["teamsTeamId"] = teamId,
            ["channel"] = channel,
            ["team"] = new JsonObject { ["id"] = teamId, ["name"] = teamName },
            ["tenant"] = new JsonObject { ["id"] = Tenant },
        };
        return message;
    }

    /// <summary>What Teams sends when a card's Action.Execute is pressed: an adaptiveCard/action invoke carrying the button's verb and data.</summary>
    public static JsonObject CardExecute(string serviceUrl, string verb, JsonObject data, string replyToId, string conversationId = "a:personal-dana")
    {
        var activity = PersonalMessage(serviceUrl, "", conversationId, id: "1700000000303");
        activity.Remove("text");
        activity["type"] = "invoke";
        activity["name"] = "adaptiveCard/action";
        activity["replyToId"] = replyToId;
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["id"] = "button-1", ["verb"] = verb, ["data"] = data.DeepClone() },
            ["trigger"] = "manual",
        };
        return activity;
    }

    /// <summary>The app installed in a personal chat: the bot is the member added.</summary>
    public static JsonObject PersonalInstall(string serviceUrl, string conversationId = "a:personal-dana") => new()
    {
        ["type"] = "conversationUpdate",
        ["id"] = "f:install-1",
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = "29:user-dana", ["aadObjectId"] = "aad-dana" },
        ["conversation"] = new JsonObject { ["conversationType"] = "personal", ["tenantId"] = Tenant, ["id"] = conversationId },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "CsBot" },
        ["membersAdded"] = new JsonArray { new JsonObject { ["id"] = BotId } },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Tenant } },
    };
}
