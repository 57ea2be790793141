-- Each channel's latest weekly-digest slot dealt with, so a digest missed while every CsBot was down is sent once.
CREATE TABLE digest_slots (
    key  text COLLATE "C" PRIMARY KEY,
    slot timestamptz NOT NULL
);
