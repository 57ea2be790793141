-- Which accounts each write changed, so every CsBot instance sharing the database can refresh its cached answers for
-- just those accounts (DataChangeFeed). Written in the same transaction as the data; rows are pruned after an hour.
-- origin is the writing process, so an instance skips the rows of its own writes (it knew of them already).
CREATE TABLE data_changes (
    seq         bigserial PRIMARY KEY,
    kind        text NOT NULL,
    origin      uuid NOT NULL,
    account_ids text[] NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX data_changes_recorded_at ON data_changes (recorded_at);
