-- The latest health score per account, with its breakdown, and one row per account and day of score history.
CREATE TABLE scores_latest (
    account_id text COLLATE "C" PRIMARY KEY,
    as_of      date NOT NULL,
    score      integer NOT NULL,
    score_json text NOT NULL
);

CREATE TABLE score_history (
    account_id text COLLATE "C" NOT NULL,
    day        date NOT NULL,
    score      integer NOT NULL,
    PRIMARY KEY (account_id, day)
);
