-- Inbound platform events already taken, shared by every instance, so a platform's retry is recognised wherever it lands.
CREATE TABLE inbound_events (
    id         text COLLATE "C" PRIMARY KEY,
    expires_at timestamptz NOT NULL
);
CREATE INDEX inbound_events_expires ON inbound_events (expires_at);

-- Each conversation's last question, so a follow-up is understood on whichever instance it lands.
CREATE TABLE conversation_contexts (
    key          text COLLATE "C" PRIMARY KEY,
    expires_at   timestamptz NOT NULL,
    context_json text NOT NULL
);
CREATE INDEX conversation_contexts_expires ON conversation_contexts (expires_at);
