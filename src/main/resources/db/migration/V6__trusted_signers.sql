-- Groundtruth investigation schema: the case-file signers this investigation trusts (issue 12). A signer is the
-- SHA-256 fingerprint of an Ed25519 public key; the key itself is kept when it was given as a .pub file.
-- Trusting and revoking are logged in the custody log (entity type 'signer').

CREATE TABLE trusted_signer (
    fingerprint    TEXT PRIMARY KEY CHECK (length(fingerprint) = 64),
    name           TEXT NOT NULL DEFAULT '',
    public_key_pem TEXT,
    trusted_by     TEXT NOT NULL,
    trusted_at     TEXT NOT NULL
);
