-- The durable outbox. due_at is set only while an entry waits (Pending, or Delivering until its lease ends), so the
-- partial index holds exactly the entries a delivery run may claim and never walks delivered history.
CREATE TABLE outbox (
    id                    text COLLATE "C" PRIMARY KEY,
    idempotency_key       text COLLATE "C" NOT NULL UNIQUE,
    recipient_kind        text NOT NULL,
    recipient_key         text NOT NULL,
    recipient_name        text NOT NULL,
    recipient_time_zone   text,
    for_platform          text,
    thread_id             text,
    reply_url             text,
    reply_url_expires_at  timestamptz,
    message_format        integer NOT NULL,
    message_json          text NOT NULL,
    state                 text NOT NULL,
    attempts              integer NOT NULL DEFAULT 0,
    due_at                timestamptz,
    next_attempt_at       timestamptz NOT NULL,
    lease_until           timestamptz,
    last_error            text,
    platform              text,
    platform_message_id   text,
    created_at            timestamptz NOT NULL,
    created_seq           bigint GENERATED ALWAYS AS IDENTITY,
    last_attempt_at       timestamptz,
    delivered_at          timestamptz,
    dead_lettered_at      timestamptz
);
CREATE INDEX outbox_due ON outbox (due_at, created_seq) WHERE due_at IS NOT NULL;
CREATE INDEX outbox_state ON outbox (state, created_seq);
CREATE INDEX outbox_platform_message ON outbox (platform_message_id) WHERE platform_message_id IS NOT NULL;
