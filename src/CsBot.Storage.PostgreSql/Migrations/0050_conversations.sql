-- Conversations chat platforms can post into, looked up by folded email, user id or channel name.
CREATE TABLE conversations (
    platform          text COLLATE "C" NOT NULL,
    conversation_id   text COLLATE "C" NOT NULL,
    scope             text NOT NULL,
    email_key         text,
    user_key          text,
    channel_key       text,
    digest_subscribed boolean NOT NULL,
    updated_at        timestamptz NOT NULL,
    conversation_json text NOT NULL,
    PRIMARY KEY (platform, conversation_id)
);
CREATE INDEX conversations_email ON conversations (email_key) WHERE email_key IS NOT NULL;
CREATE INDEX conversations_user ON conversations (user_key) WHERE user_key IS NOT NULL;
CREATE INDEX conversations_channel ON conversations (channel_key) WHERE channel_key IS NOT NULL;

-- Payloads of posted messages a button press may rebuild (Slack and Teams message memory).
CREATE TABLE posted_messages (
    platform        text COLLATE "C" NOT NULL,
    conversation_id text COLLATE "C" NOT NULL,
    message_id      text COLLATE "C" NOT NULL,
    payload         text NOT NULL,
    sent_at         timestamptz NOT NULL,
    PRIMARY KEY (platform, conversation_id, message_id)
);
CREATE INDEX posted_messages_sent_at ON posted_messages (sent_at);

-- Channels subscribed to the weekly digest, keyed by the folded channel name.
CREATE TABLE digest_subscriptions (
    key       text COLLATE "C" PRIMARY KEY,
    channel   text NOT NULL,
    time_zone text NOT NULL,
    segment   text,
    schedule  text
);
