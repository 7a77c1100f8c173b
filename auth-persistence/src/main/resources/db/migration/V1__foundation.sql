-- Storefront Auth, foundation schema. Valid on H2 2.2 (default mode) and PostgreSQL 15: portable types
-- only, no vendor functions. Primary keys are the public ids (st_…, acc_…, ses_…); there are no
-- database-generated numbers. Instants are TIMESTAMP WITH TIME ZONE written in UTC. Enums are stored
-- by their Java constant name. JSON documents are kept as text.

CREATE TABLE stores (
    id           VARCHAR(40)   NOT NULL,
    name         VARCHAR(200)  NOT NULL,
    mode         VARCHAR(16)   NOT NULL,
    status       VARCHAR(16)   NOT NULL,
    login_policy VARCHAR(4000) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_stores PRIMARY KEY (id)
);
CREATE INDEX ix_stores_created ON stores (created_at);

CREATE TABLE accounts (
    id            VARCHAR(40)  NOT NULL,
    email         VARCHAR(254) NOT NULL,
    name          VARCHAR(200),
    role          VARCHAR(32)  NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    password_hash VARCHAR(512),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_accounts PRIMARY KEY (id),
    CONSTRAINT uq_accounts_email UNIQUE (email)
);
CREATE INDEX ix_accounts_role ON accounts (role);

CREATE TABLE account_stores (
    account_id VARCHAR(40) NOT NULL,
    store_id   VARCHAR(40) NOT NULL,
    CONSTRAINT pk_account_stores PRIMARY KEY (account_id, store_id),
    CONSTRAINT fk_account_stores_account FOREIGN KEY (account_id) REFERENCES accounts (id),
    CONSTRAINT fk_account_stores_store FOREIGN KEY (store_id) REFERENCES stores (id)
);
CREATE INDEX ix_account_stores_store ON account_stores (store_id);

CREATE TABLE api_keys (
    id              VARCHAR(40)  NOT NULL,
    store_id        VARCHAR(40)  NOT NULL,
    type            VARCHAR(16)  NOT NULL,
    label           VARCHAR(200),
    key_hash        VARCHAR(64)  NOT NULL,
    publishable_key VARCHAR(200),
    hint            VARCHAR(64)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_api_keys PRIMARY KEY (id),
    CONSTRAINT uq_api_keys_hash UNIQUE (key_hash),
    CONSTRAINT fk_api_keys_store FOREIGN KEY (store_id) REFERENCES stores (id)
);
CREATE INDEX ix_api_keys_store ON api_keys (store_id, created_at);

CREATE TABLE cors_origins (
    id         VARCHAR(40)  NOT NULL,
    store_id   VARCHAR(40)  NOT NULL,
    origin     VARCHAR(300) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_cors_origins PRIMARY KEY (id),
    CONSTRAINT uq_cors_origins_store_origin UNIQUE (store_id, origin),
    CONSTRAINT fk_cors_origins_store FOREIGN KEY (store_id) REFERENCES stores (id)
);

-- One row per sign-in: the refresh-token family. Only the hash of the current refresh token is here.
CREATE TABLE sessions (
    id                   VARCHAR(40)  NOT NULL,
    store_id             VARCHAR(40),
    subject_kind         VARCHAR(32)  NOT NULL,
    subject              VARCHAR(320) NOT NULL,
    anonymous_id         VARCHAR(64),
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    idle_timeout_seconds BIGINT       NOT NULL,
    access_ttl_seconds   BIGINT       NOT NULL,
    revoked_at           TIMESTAMP WITH TIME ZONE,
    revoke_reason        VARCHAR(64),
    ip                   VARCHAR(100),
    user_agent           VARCHAR(512),
    refresh_hash         VARCHAR(64)  NOT NULL,
    CONSTRAINT pk_sessions PRIMARY KEY (id),
    CONSTRAINT uq_sessions_refresh_hash UNIQUE (refresh_hash),
    CONSTRAINT fk_sessions_store FOREIGN KEY (store_id) REFERENCES stores (id)
);
CREATE INDEX ix_sessions_store ON sessions (store_id, created_at);

-- Spent refresh tokens. The primary key is the compare-and-set of rotation: of two transactions that
-- spend the same token, exactly one inserts it.
CREATE TABLE used_refresh_tokens (
    token_hash VARCHAR(64) NOT NULL,
    session_id VARCHAR(40) NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_used_refresh_tokens PRIMARY KEY (token_hash),
    CONSTRAINT fk_used_refresh_tokens_session FOREIGN KEY (session_id) REFERENCES sessions (id)
);
CREATE INDEX ix_used_refresh_tokens_session ON used_refresh_tokens (session_id);

-- No foreign key on store_id: refusals are recorded in their own transaction, possibly about a store
-- that the refused transaction itself was creating, and a key check would wait on that transaction.
CREATE TABLE audit_events (
    id          VARCHAR(40)   NOT NULL,
    store_id    VARCHAR(40),
    type        VARCHAR(64)   NOT NULL,
    subject     VARCHAR(320),
    ip          VARCHAR(100),
    user_agent  VARCHAR(512),
    details     VARCHAR(4000) NOT NULL,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_audit_events PRIMARY KEY (id)
);
CREATE INDEX ix_audit_events_store_time ON audit_events (store_id, occurred_at);
CREATE INDEX ix_audit_events_store_type_time ON audit_events (store_id, type, occurred_at);

-- public_key: base64 X.509 DER; private_key: 'aesgcm:<iv>:<ciphertext>' or 'plain:<base64 PKCS#8>'.
CREATE TABLE signing_keys (
    kid         VARCHAR(40)   NOT NULL,
    algorithm   VARCHAR(16)   NOT NULL,
    public_key  VARCHAR(1000) NOT NULL,
    private_key VARCHAR(4000) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    retired_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_signing_keys PRIMARY KEY (kid)
);
CREATE INDEX ix_signing_keys_created ON signing_keys (created_at);

CREATE TABLE platform_settings (
    name          VARCHAR(100)  NOT NULL,
    setting_value VARCHAR(1000) NOT NULL,
    CONSTRAINT pk_platform_settings PRIMARY KEY (name)
);
