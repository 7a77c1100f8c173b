-- Opaque access tokens (hash only), each acting for a session of its own: the session's revocation and
-- idle expiry end the token.
CREATE TABLE opaque_access_tokens (
    token_hash VARCHAR(64) NOT NULL,
    session_id VARCHAR(40) NOT NULL,
    CONSTRAINT pk_opaque_access_tokens PRIMARY KEY (token_hash),
    CONSTRAINT fk_opaque_access_tokens_session FOREIGN KEY (session_id) REFERENCES sessions (id)
);
