/**
 * The PostgreSQL event store's tables, in a schema of their own: the read models may share the
 * database, and rebuilding them drops every table in theirs. One row, `event_log_head`, holds the newest position, the
 * count and the global chain's value; every append takes its row lock first, so positions are
 * handed out in commit order (see PostgresEventStore for why that matters to catch-up readers).
 */
export const POSTGRES_EVENT_STORE_SCHEMA = `
CREATE SCHEMA IF NOT EXISTS send_events;
CREATE TABLE IF NOT EXISTS send_events.event_log (
  position        BIGINT  PRIMARY KEY,
  event_id        TEXT    NOT NULL UNIQUE,
  stream_id       TEXT    NOT NULL,
  stream_revision BIGINT  NOT NULL,
  type            TEXT    NOT NULL,
  data            TEXT    NOT NULL,
  metadata        TEXT    NOT NULL,
  recorded_at     TEXT    NOT NULL,
  hash            BYTEA   NOT NULL,
  previous_hash   BYTEA   NOT NULL,
  global_hash     BYTEA   NOT NULL,
  UNIQUE (stream_id, stream_revision)
);
CREATE TABLE IF NOT EXISTS send_events.event_streams (
  stream_id TEXT   PRIMARY KEY,
  revision  BIGINT NOT NULL,
  hash      BYTEA  NOT NULL
);
CREATE TABLE IF NOT EXISTS send_events.event_log_head (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  position    BIGINT  NOT NULL,
  events      BIGINT  NOT NULL,
  global_hash BYTEA   NOT NULL
);
INSERT INTO send_events.event_log_head (id, position, events, global_hash) VALUES (1, 0, 0, decode(repeat('00', 32), 'hex')) ON CONFLICT (id) DO NOTHING;
CREATE OR REPLACE FUNCTION send_events.event_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'events are append-only'; END $$;
DROP TRIGGER IF EXISTS event_log_append_only ON send_events.event_log;
CREATE TRIGGER event_log_append_only BEFORE UPDATE OR DELETE ON send_events.event_log FOR EACH ROW EXECUTE FUNCTION send_events.event_log_is_append_only();
DROP TRIGGER IF EXISTS event_log_no_truncate ON send_events.event_log;
CREATE TRIGGER event_log_no_truncate BEFORE TRUNCATE ON send_events.event_log FOR EACH STATEMENT EXECUTE FUNCTION send_events.event_log_is_append_only();
`;

/** The channel appends notify on commit, so subscribers wake at once instead of at the next poll. */
export const APPENDED_CHANNEL = 'send_events_appended';
