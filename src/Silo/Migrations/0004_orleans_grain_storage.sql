-- Grain state for the ADO.NET grain storage provider (the order and payment storages), in schema orleans.
-- A grain is named by the service, its grain type and its key: N0/N1 hold a GUID or integer key, and the
-- extension holds a string key or a key extension (null when there is none). The provider also sends 32-bit
-- hashes of the key and the type; they lead the key index so that lookups stay on small integers.
-- "Version" is the grain's ETag: the provider sends the one it holds (@GrainStateVersion, null for "no record
-- yet") and a write or clear that finds another version changes nothing and returns no row, which the provider
-- turns into an InconsistentStateException. Every statement is safe to run again.
CREATE SCHEMA IF NOT EXISTS orleans;

CREATE TABLE IF NOT EXISTS public.orleansquery (
    querykey  text PRIMARY KEY,
    querytext text NOT NULL
);

CREATE TABLE IF NOT EXISTS orleans.grain_state (
    service_id         text NOT NULL,
    grain_type_hash    integer NOT NULL,
    grain_type         text NOT NULL,
    grain_id_hash      integer NOT NULL,
    grain_id_n0        bigint NOT NULL,
    grain_id_n1        bigint NOT NULL,
    grain_id_extension text,
    payload            bytea,
    version            integer NOT NULL,
    modified_at        timestamptz NOT NULL DEFAULT now()
);

-- One row per grain. '#' || extension tells "no extension" (null, so '') from an empty one ('#'), so the
-- key can be unique with a nullable part; the queries compare the same expression to use this index.
CREATE UNIQUE INDEX IF NOT EXISTS grain_state_grain_key ON orleans.grain_state
    (grain_id_hash, grain_type_hash, service_id, grain_type, grain_id_n0, grain_id_n1,
     (coalesce('#' || grain_id_extension, '')));

INSERT INTO public.orleansquery (querykey, querytext) VALUES
-- No row: never written. A row with a null payload: cleared, but its version lives on.
('ReadFromStorageKey', $q$
    SELECT payload AS "PayloadBinary", version AS "Version"
    FROM orleans.grain_state
    WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
      AND service_id = @ServiceId AND grain_type = @GrainTypeString
      AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
      AND coalesce('#' || grain_id_extension, '') = coalesce('#' || @GrainIdExtensionString, '')
$q$),

-- With a version: update that version only. Without: insert, unless a concurrent writer got there first.
-- Answers the new version, or no row on a conflict.
('WriteToStorageKey', $q$
    WITH updated AS (
        UPDATE orleans.grain_state
        SET payload = @PayloadBinary, version = version + 1, modified_at = now()
        WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
          AND service_id = @ServiceId AND grain_type = @GrainTypeString
          AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
          AND coalesce('#' || grain_id_extension, '') = coalesce('#' || @GrainIdExtensionString, '')
          AND version = @GrainStateVersion
        RETURNING version),
    inserted AS (
        INSERT INTO orleans.grain_state (service_id, grain_type_hash, grain_type, grain_id_hash,
                                         grain_id_n0, grain_id_n1, grain_id_extension, payload, version)
        SELECT @ServiceId, @GrainTypeHash, @GrainTypeString, @GrainIdHash,
               @GrainIdN0, @GrainIdN1, @GrainIdExtensionString, @PayloadBinary, 1
        WHERE @GrainStateVersion IS NULL
        ON CONFLICT DO NOTHING
        RETURNING version)
    SELECT version AS "NewGrainStateVersion" FROM updated
    UNION ALL
    SELECT version FROM inserted
$q$),

-- Clear keeps the row (payload gone, version bumped), so a stale writer still conflicts afterwards.
('ClearStorageKey', $q$
    UPDATE orleans.grain_state
    SET payload = NULL, version = version + 1, modified_at = now()
    WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
      AND service_id = @ServiceId AND grain_type = @GrainTypeString
      AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
      AND coalesce('#' || grain_id_extension, '') = coalesce('#' || @GrainIdExtensionString, '')
      AND version = @GrainStateVersion
    RETURNING version AS "NewGrainStateVersion"
$q$),

-- For DeleteStateOnClear: removes the row; answers the deleted version + 1, as the provider expects.
('DeleteStorageKey', $q$
    DELETE FROM orleans.grain_state
    WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
      AND service_id = @ServiceId AND grain_type = @GrainTypeString
      AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
      AND coalesce('#' || grain_id_extension, '') = coalesce('#' || @GrainIdExtensionString, '')
      AND version = @GrainStateVersion
    RETURNING version + 1 AS "NewGrainStateVersion"
$q$)
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;
