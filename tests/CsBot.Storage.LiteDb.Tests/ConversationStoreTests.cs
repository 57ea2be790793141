using CsBot.Core.Messaging;

namespace CsBot.Storage.LiteDb.Tests;

public sealed class ConversationStoreTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 11, 26, 9, 30, 0, TimeSpan.FromHours(1));
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private static ChatConversation Person(string id, string email, DateTimeOffset updated, string platform = "teams") => new()
    {
        Platform = platform,
        ConversationId = id,
        Scope = ConversationScope.Personal,
        Reference = "{\"conversation\":{\"id\":\"" + id + "\"}}",
        UpdatedAt = updated,
        UserId = "aad-" + id,
        Email = email,
        DisplayName = "Dana",
        TenantId = "t-1",
    };

    [Fact]
    public void A_conversation_round_trips_every_field()
    {
        var store = new LiteDbConversationStore(_db.Open());
        var channel = new ChatConversation
        {
            Platform = "teams", ConversationId = "19:c@thread", Scope = ConversationScope.Channel, Reference = "ref",
            UpdatedAt = At, ChannelName = "CS-Alerts", TeamName = "Customer Success", TeamId = "19:team@thread", TenantId = "t-1", DigestSubscribed = true,
        };

        store.Save(channel);

        Assert.Equal(channel, store.Get("teams", "19:c@thread"));
        Assert.Null(store.Get("slack", "19:c@thread"));
    }

    [Fact]
    public void People_are_found_by_email_or_user_id_in_any_case_and_the_latest_chat_wins()
    {
        var store = new LiteDbConversationStore(_db.Open());
        store.Save(Person("a:old", "Dana@Example.com", At));
        store.Save(Person("a:new", "dana@example.com", At.AddMinutes(5)));
        store.Save(Person("d:slack", "dana@example.com", At.AddHours(1), platform: "slack"));

        Assert.Equal("a:new", store.FindPerson("teams", "DANA@example.COM")?.ConversationId);
        Assert.Equal("a:old", store.FindPerson("teams", "AAD-A:OLD")?.ConversationId);
        Assert.Null(store.FindPerson("teams", "someone@example.com"));
    }

    [Fact]
    public void Channels_are_found_by_name_with_or_without_the_hash_and_people_are_not_channels()
    {
        var store = new LiteDbConversationStore(_db.Open());
        store.Save(Person("a:1", "x@example.com", At) with { ChannelName = "cs-alerts" });
        store.Save(new ChatConversation { Platform = "teams", ConversationId = "19:c", Scope = ConversationScope.Channel, Reference = "r", UpdatedAt = At, ChannelName = "CS-Alerts" });

        Assert.Equal("19:c", store.FindChannel("teams", "#cs-alerts")?.ConversationId);
        Assert.Equal("19:c", store.FindChannel("teams", "cs-alerts")?.ConversationId);
        Assert.Null(store.FindChannel("teams", "general"));
    }

    [Fact]
    public void Every_team_channel_of_a_name_is_found_with_its_team_latest_first()
    {
        var store = new LiteDbConversationStore(_db.Open());
        ChatConversation Channel(string id, string teamId, DateTimeOffset at) =>
            new() { Platform = "teams", ConversationId = id, Scope = ConversationScope.Channel, Reference = "r", UpdatedAt = at, ChannelName = "General", TeamId = teamId };
        store.Save(Channel("19:team-a", "19:team-a", At));
        store.Save(Channel("19:team-b", "19:team-b", At.AddMinutes(1)));
        store.Save(Channel("C1", "T1", At.AddMinutes(2)) with { Platform = "slack" });

        var found = store.FindChannels("teams", "#general");

        Assert.Equal([("19:team-b", "19:team-b"), ("19:team-a", "19:team-a")], found.Select(c => (c.ConversationId, c.TeamId!)));
        Assert.Empty(store.FindChannels("teams", "cs-alerts"));
    }

    [Fact]
    public void Only_subscribed_conversations_of_the_platform_get_the_digest()
    {
        var store = new LiteDbConversationStore(_db.Open());
        store.Save(new ChatConversation { Platform = "teams", ConversationId = "19:b", Scope = ConversationScope.Channel, Reference = "r", UpdatedAt = At, DigestSubscribed = true });
        store.Save(new ChatConversation { Platform = "teams", ConversationId = "19:a", Scope = ConversationScope.Channel, Reference = "r", UpdatedAt = At });
        store.Save(new ChatConversation { Platform = "slack", ConversationId = "C1", Scope = ConversationScope.Channel, Reference = "r", UpdatedAt = At, DigestSubscribed = true });

        Assert.Equal(["19:b"], store.GetDigestSubscribers("teams").Select(c => c.ConversationId));
    }

    [Fact]
    public void Posted_messages_are_recalled_by_id_and_forgotten_when_old()
    {
        var store = new LiteDbConversationStore(_db.Open());
        store.RememberMessage("teams", "a:1", "m-old", "{\"old\":1}", At.AddDays(-40));
        store.RememberMessage("teams", "a:1", "m-new", "{\"new\":1}", At);

        Assert.Equal("{\"new\":1}", store.RecallMessage("teams", "a:1", "m-new"));
        Assert.Null(store.RecallMessage("teams", "a:2", "m-new"));
        Assert.Equal(1, store.ForgetMessagesBefore(At.AddDays(-30)));
        Assert.Null(store.RecallMessage("teams", "a:1", "m-old"));
        Assert.NotNull(store.RecallMessage("teams", "a:1", "m-new"));
    }

    [Fact]
    public void Conversations_survive_reopening_the_file()
    {
        using (var context = _db.Open()) new LiteDbConversationStore(context).Save(Person("a:1", "x@example.com", At));

        using var reopened = _db.Open();
        Assert.Equal("x@example.com", new LiteDbConversationStore(reopened).FindPerson("teams", "x@example.com")?.Email);
    }
}
