-- Publication: a batch is unpublished until an administrator or board member publishes it; a row here says it is.
-- Signed-in partners read unpublished data only for their own agency; the public reads published batches only.
-- Batches committed before this migration start unpublished, which changes nothing in Local mode (one local
-- administrator reads everything). A table of its own rather than columns on import_batch, whose rows are written
-- positionally by the commit path. Keyed by place like every table here (Citus: co-located with import_batch).
CREATE TABLE batch_publication (
    place_id      INTEGER NOT NULL,
    batch_id      BIGINT  NOT NULL,
    published_at  TIMESTAMPTZ NOT NULL,
    published_by  TEXT    NOT NULL,
    PRIMARY KEY (place_id, batch_id)
);
