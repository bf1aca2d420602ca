-- Evidence for disputes: anchors and packs find events by type and by NDA; legal holds on secrets, partners, NDAs.
create index ix_evidence_type on evidence_event (type, seq);
create index ix_evidence_nda on evidence_event (nda_reference, seq);
