-- Audit events counted per store, type and UTC hour once the hour is over (ActivityRollup): the dashboard sums
-- these instead of counting a week of events on every view. Kept as long as the dashboard shows them (7 days).
CREATE TABLE audit_hourly_counts (
    store_id   VARCHAR(40)              NOT NULL,
    hour_start TIMESTAMP WITH TIME ZONE NOT NULL,
    type       VARCHAR(64)              NOT NULL,
    events     BIGINT                   NOT NULL,
    CONSTRAINT pk_audit_hourly_counts PRIMARY KEY (store_id, hour_start, type)
);
-- an hour is replaced, and old hours forgotten, across stores
CREATE INDEX ix_audit_hourly_counts_hour ON audit_hourly_counts (hour_start);

-- The end of the newest hour rolled up (NULL: none yet). One row, written once an hour by the roll-up, whose
-- compare-and-set on it lets only one instance count an hour.
CREATE TABLE audit_rollup_progress (
    id           INTEGER                  NOT NULL,
    rolled_until TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_audit_rollup_progress PRIMARY KEY (id)
);
INSERT INTO audit_rollup_progress (id, rolled_until) VALUES (1, NULL);
