-- The consistency checker (io.cordon.consistency) asks, for every document the register cites, whether an evidence
-- event recorded its hash: one index lookup per document instead of a scan of the chain.
create index ix_evidence_document on evidence_event (document_hash);
