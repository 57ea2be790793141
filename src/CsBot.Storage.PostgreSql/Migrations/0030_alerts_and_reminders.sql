-- Alerts keyed by account:rule, with their history inside the JSON; the state is a column for "open alerts".
CREATE TABLE alerts (
    id         text COLLATE "C" PRIMARY KEY,
    account_id text COLLATE "C" NOT NULL,
    state      text NOT NULL,
    alert_json text NOT NULL
);
CREATE INDEX alerts_account_id ON alerts (account_id);
CREATE INDEX alerts_open ON alerts (id) WHERE state <> 'Resolved';

-- Renewal reminders sent, so none is ever sent twice; the first record wins.
CREATE TABLE reminders_sent (
    id      text COLLATE "C" PRIMARY KEY,
    sent_at timestamptz NOT NULL
);
