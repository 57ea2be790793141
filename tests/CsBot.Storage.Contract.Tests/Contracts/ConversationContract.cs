using CsBot.Core.Messaging;
using CsBot.Storage.Contract.Tests.Infrastructure;

namespace CsBot.Storage.Contract.Tests.Contracts;

/// <summary>What every <see cref="Core.Ports.IConversationStore"/> does: conversations found by person or channel, and posted messages remembered.</summary>
public abstract class ConversationContract : ContractTest
{
    private static ChatConversation Personal(string id, string email, string userId, int minutes) => new()
    {
        Platform = "teams", ConversationId = id, Scope = ConversationScope.Personal, Reference = "{\"ref\":\"" + id + "\"}",
        UpdatedAt = TestData.Instant(0).AddMinutes(minutes), UserId = userId, Email = email, DisplayName = "Olivia O'Owner", TenantId = "tenant-1",
    };

    private static ChatConversation Channel(string id, string name, string team, int minutes, bool digest = false) => new()
    {
        Platform = "teams", ConversationId = id, Scope = ConversationScope.Channel, Reference = "ref-" + id, UpdatedAt = TestData.Instant(0).AddMinutes(minutes),
        ChannelName = name, TeamName = "Team " + team, TeamId = team, DigestSubscribed = digest,
    };

    [StoreFact]
    public void A_conversation_reads_back_equal_and_is_replaced_by_platform_and_id()
    {
        var conversation = Personal("a:1", "Olivia@CsBot.example", "29:olivia", 0);
        Stores.Conversations.Save(conversation);
        Assert.Equal(conversation, Stores.Conversations.Get("teams", "a:1"));
        Assert.Null(Stores.Conversations.Get("slack", "a:1"));

        Stores.Conversations.Save(conversation with { DisplayName = "Olivia Renamed" });
        Assert.Equal("Olivia Renamed", Stores.Conversations.Get("teams", "a:1")!.DisplayName);
    }

    [StoreFact]
    public void A_person_is_found_by_email_or_user_id_in_any_case_and_the_latest_conversation_wins()
    {
        Stores.Conversations.Save(Personal("a:old", "olivia@csbot.example", "29:olivia", 0));
        Stores.Conversations.Save(Personal("a:new", "OLIVIA@csbot.example", "29:olivia-2", 5));
        Stores.Conversations.Save(Channel("19:x", "olivia@csbot.example", "t1", 10));

        Assert.Equal("a:new", Stores.Conversations.FindPerson("teams", " Olivia@CsBot.Example ")!.ConversationId);
        Assert.Equal("a:old", Stores.Conversations.FindPerson("teams", "29:OLIVIA")!.ConversationId);
        Assert.Null(Stores.Conversations.FindPerson("slack", "olivia@csbot.example"));
        Assert.Null(Stores.Conversations.FindPerson("teams", "  "));
    }

    [StoreFact]
    public void Channels_are_found_by_name_with_or_without_hash_in_every_team_latest_first()
    {
        Stores.Conversations.Save(Channel("19:a", "CS-Alerts", "t1", 0, digest: true));
        Stores.Conversations.Save(Channel("19:b", "cs-alerts", "t2", 5));
        Stores.Conversations.Save(Channel("19:c", "general", "t1", 1, digest: true));

        Assert.Equal("19:b", Stores.Conversations.FindChannel("teams", "#cs-alerts")!.ConversationId);
        Assert.Equal(["19:b", "19:a"], Stores.Conversations.FindChannels("teams", "CS-ALERTS").Select(c => c.ConversationId));
        Assert.Empty(Stores.Conversations.FindChannels("teams", "nowhere"));
        Assert.Equal(["19:a", "19:c"], Stores.Conversations.GetDigestSubscribers("teams").Select(c => c.ConversationId));
    }

    [StoreFact]
    public void Posted_messages_are_recalled_until_forgotten()
    {
        var t = TestData.Instant(0);
        Stores.Conversations.RememberMessage("slack", "C1", "1.1", Hostile.Strings[0], t.AddDays(-10));
        Stores.Conversations.RememberMessage("slack", "C1", "1.2", "{\"card\":2}", t);
        Stores.Conversations.RememberMessage("slack", "C1", "1.2", "{\"card\":3}", t);

        Assert.Equal(Hostile.Strings[0], Stores.Conversations.RecallMessage("slack", "C1", "1.1"));
        Assert.Equal("{\"card\":3}", Stores.OpenAnother().Conversations.RecallMessage("slack", "C1", "1.2"));
        Assert.Null(Stores.Conversations.RecallMessage("teams", "C1", "1.2"));

        Assert.Equal(1, Stores.Conversations.ForgetMessagesBefore(t.AddDays(-1)));
        Assert.Null(Stores.Conversations.RecallMessage("slack", "C1", "1.1"));
        Assert.NotNull(Stores.Conversations.RecallMessage("slack", "C1", "1.2"));
    }
}
