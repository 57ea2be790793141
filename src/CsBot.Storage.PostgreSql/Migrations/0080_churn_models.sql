-- Trained churn models with their metadata, one row per training (passed or not), newest found by the training time.
-- The record is JSON (its metadata and the serialised model, base64); passed and trained_at are columns to find the
-- model in use without reading every row.
CREATE TABLE churn_models (
    id         text COLLATE "C" PRIMARY KEY,
    trained_at timestamptz NOT NULL,
    passed     boolean NOT NULL,
    data       text NOT NULL
);
CREATE INDEX churn_models_latest ON churn_models (trained_at DESC);
CREATE INDEX churn_models_latest_passed ON churn_models (trained_at DESC) WHERE passed;
