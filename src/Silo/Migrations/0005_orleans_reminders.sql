-- Reminders for the ADO.NET reminder provider, in schema orleans. Each silo reads the reminders of its part
-- of the hash ring: grain_hash is the grain's uniform hash as the provider sends it (a uint cast to a signed
-- integer), and ring ranges arrive in the same signed form. "Version" is the reminder's ETag.
-- Every statement is safe to run again.
CREATE SCHEMA IF NOT EXISTS orleans;

CREATE TABLE IF NOT EXISTS public.orleansquery (
    querykey  text PRIMARY KEY,
    querytext text NOT NULL
);

CREATE TABLE IF NOT EXISTS orleans.reminder (
    service_id    text NOT NULL,
    grain_id      text NOT NULL,
    reminder_name text NOT NULL,
    grain_hash    integer NOT NULL,
    start_time    timestamptz NOT NULL,
    period_ms     bigint NOT NULL,
    version       integer NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
);

CREATE INDEX IF NOT EXISTS reminder_ring ON orleans.reminder (service_id, grain_hash);

INSERT INTO public.orleansquery (querykey, querytext) VALUES
('ReadReminderRowsKey', $q$
    SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
           period_ms AS "Period", version AS "Version"
    FROM orleans.reminder
    WHERE service_id = @ServiceId AND grain_id = @GrainId
$q$),

('ReadReminderRowKey', $q$
    SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
           period_ms AS "Period", version AS "Version"
    FROM orleans.reminder
    WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName
$q$),

-- The range (BeginHash, EndHash] when it does not wrap around the ring...
('ReadRangeRows1Key', $q$
    SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
           period_ms AS "Period", version AS "Version"
    FROM orleans.reminder
    WHERE service_id = @ServiceId AND grain_hash > @BeginHash AND grain_hash <= @EndHash
$q$),

-- ...and when it does (the provider picks the key).
('ReadRangeRows2Key', $q$
    SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
           period_ms AS "Period", version AS "Version"
    FROM orleans.reminder
    WHERE service_id = @ServiceId AND (grain_hash > @BeginHash OR grain_hash <= @EndHash)
$q$),

-- Registering again replaces the schedule and moves the version on. Answers the version.
('UpsertReminderRowKey', $q$
    INSERT INTO orleans.reminder AS r (service_id, grain_id, reminder_name, grain_hash, start_time, period_ms, version)
    VALUES (@ServiceId, @GrainId, @ReminderName, @GrainHash, @StartTime, @Period, 0)
    ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
    SET grain_hash = EXCLUDED.grain_hash, start_time = EXCLUDED.start_time, period_ms = EXCLUDED.period_ms,
        version = r.version + 1
    RETURNING version AS "Version"
$q$),

-- Removes the reminder only at the version the caller holds; answers whether it did.
('DeleteReminderRowKey', $q$
    WITH removed AS (
        DELETE FROM orleans.reminder
        WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName AND version = @Version
        RETURNING 1)
    SELECT EXISTS (SELECT 1 FROM removed)
$q$),

('DeleteReminderRowsKey', $q$
    DELETE FROM orleans.reminder WHERE service_id = @ServiceId
$q$)
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;
