-- Orleans cluster membership for the ADO.NET clustering provider (Invariant "Npgsql").
-- The providers look their SQL up by key in a table they name unqualified, OrleansQuery (so it lives in
-- public, on every connection's search path); the tables behind those queries are ours, in schema orleans.
-- Parameter names (@DeploymentId, ...) and result column names ("Version", "Address", ...) are the ones the
-- providers bind and read; Orleans' DeploymentId is the cluster id. Every statement is safe to run again.
CREATE SCHEMA IF NOT EXISTS orleans;

CREATE TABLE IF NOT EXISTS public.orleansquery (
    querykey  text PRIMARY KEY,
    querytext text NOT NULL
);

-- One row per cluster. Every change of a silo's row bumps the version in the same statement, only when the
-- caller read the current one: that is how silos that write at once find out about each other.
CREATE TABLE IF NOT EXISTS orleans.membership_version (
    cluster_id text PRIMARY KEY,
    version    integer NOT NULL DEFAULT 0,
    changed_at timestamptz NOT NULL DEFAULT now()
);

-- One row per silo incarnation (address, port and generation, i.e. its start).
CREATE TABLE IF NOT EXISTS orleans.membership (
    cluster_id      text NOT NULL REFERENCES orleans.membership_version (cluster_id) ON DELETE CASCADE,
    address         text NOT NULL,
    port            integer NOT NULL,
    generation      integer NOT NULL,
    silo_name       text NOT NULL,
    host_name       text NOT NULL,
    status          integer NOT NULL,
    proxy_port      integer NOT NULL,
    suspect_times   text,
    start_time      timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,
    PRIMARY KEY (cluster_id, address, port, generation)
);

INSERT INTO public.orleansquery (querykey, querytext) VALUES
-- Answers true when this call created the cluster's version row.
('InsertMembershipVersionKey', $q$
    WITH created AS (
        INSERT INTO orleans.membership_version (cluster_id) VALUES (@DeploymentId)
        ON CONFLICT (cluster_id) DO NOTHING
        RETURNING 1)
    SELECT EXISTS (SELECT 1 FROM created)
$q$),

-- The version row always comes back, joined to the silo rows when there are any.
('MembershipReadAllKey', $q$
    SELECT v.version AS "Version",
           m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
           m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status",
           m.proxy_port AS "ProxyPort", m.suspect_times AS "SuspectTimes",
           m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime"
    FROM orleans.membership_version v
    LEFT JOIN orleans.membership m ON m.cluster_id = v.cluster_id
    WHERE v.cluster_id = @DeploymentId
$q$),

('MembershipReadRowKey', $q$
    SELECT v.version AS "Version",
           m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
           m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status",
           m.proxy_port AS "ProxyPort", m.suspect_times AS "SuspectTimes",
           m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime"
    FROM orleans.membership_version v
    LEFT JOIN orleans.membership m
        ON m.cluster_id = v.cluster_id AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
    WHERE v.cluster_id = @DeploymentId
$q$),

-- The version is claimed first: its row lock orders concurrent writers, and a writer holding a stale
-- version inserts nothing. Answers whether the silo row was inserted.
('InsertMembershipKey', $q$
    WITH claimed AS (
        UPDATE orleans.membership_version
        SET version = version + 1, changed_at = now()
        WHERE cluster_id = @DeploymentId AND version = @Version
          AND NOT EXISTS (SELECT 1 FROM orleans.membership
                          WHERE cluster_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation)
        RETURNING cluster_id),
    inserted AS (
        INSERT INTO orleans.membership (cluster_id, address, port, generation, silo_name, host_name, status,
                                        proxy_port, start_time, i_am_alive_time)
        SELECT cluster_id, @Address, @Port, @Generation, @SiloName, @HostName, @Status,
               @ProxyPort, @StartTime, @IAmAliveTime
        FROM claimed
        RETURNING 1)
    SELECT EXISTS (SELECT 1 FROM inserted)
$q$),

('UpdateMembershipKey', $q$
    WITH claimed AS (
        UPDATE orleans.membership_version
        SET version = version + 1, changed_at = now()
        WHERE cluster_id = @DeploymentId AND version = @Version
          AND EXISTS (SELECT 1 FROM orleans.membership
                      WHERE cluster_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation)
        RETURNING cluster_id),
    updated AS (
        UPDATE orleans.membership m
        SET status = @Status, suspect_times = @SuspectTimes, i_am_alive_time = @IAmAliveTime
        FROM claimed
        WHERE m.cluster_id = claimed.cluster_id AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
        RETURNING 1)
    SELECT EXISTS (SELECT 1 FROM updated)
$q$),

-- A heartbeat: not a membership change, so the version stays.
('UpdateIAmAlivetimeKey', $q$
    UPDATE orleans.membership
    SET i_am_alive_time = @IAmAliveTime
    WHERE cluster_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
$q$),

-- Where clients find gateways: active silos that accept clients (Status is SiloStatus.Active).
('GatewaysQueryKey', $q$
    SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
    FROM orleans.membership
    WHERE cluster_id = @DeploymentId AND status = @Status AND proxy_port > 0
$q$),

-- Silo rows go with their version row (ON DELETE CASCADE).
('DeleteMembershipTableEntriesKey', $q$
    DELETE FROM orleans.membership_version WHERE cluster_id = @DeploymentId
$q$),

-- Rows of silos that are no longer active (3 is SiloStatus.Active) and stopped heartbeating before the date.
('CleanupDefunctSiloEntriesKey', $q$
    DELETE FROM orleans.membership
    WHERE cluster_id = @DeploymentId AND i_am_alive_time < @IAmAliveTime AND status <> 3
$q$)
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;
