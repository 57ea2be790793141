-- Accounts and their signals, one row per account. Ids compare byte-wise (COLLATE "C"), as LiteDB's binary
-- collation does, so "acc-1" and "ACC-1" stay distinct and every listing is in ordinal id order on any server locale.
CREATE TABLE accounts (
    id           text COLLATE "C" PRIMARY KEY,
    external_id  text COLLATE "C" NOT NULL,
    -- The account as JSON (see StoredJson); kept as text, not jsonb, so any string the CRM sent survives unchanged.
    account_json text NOT NULL,
    -- The usage series packed (see UsageBlob); null when the account has none.
    usage        bytea,
    -- Tickets, surveys, invoices, revenue events and renewal outcomes as JSON; null when the account has none.
    signals_json text,
    updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX accounts_external_id ON accounts (external_id);
