-- Storefront Auth, customers and sign-in throttling. Valid on H2 2.2 (default mode) and PostgreSQL 15,
-- in the style of V1: portable types, public ids as primary keys, UTC instants, enums by constant name.

-- A storefront's customers. Email (normalised, lower case) and phone (E.164) are each optional and
-- unique within a store; NULLs never collide under a unique constraint, on either database.
CREATE TABLE customers (
    id             VARCHAR(40)  NOT NULL,
    store_id       VARCHAR(40)  NOT NULL,
    email          VARCHAR(254),
    phone          VARCHAR(20),
    first_name     VARCHAR(100),
    last_name      VARCHAR(100),
    password_hash  VARCHAR(512),
    email_verified BOOLEAN      NOT NULL,
    phone_verified BOOLEAN      NOT NULL,
    status         VARCHAR(20)  NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    modified_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_customers PRIMARY KEY (id),
    CONSTRAINT uq_customers_store_email UNIQUE (store_id, email),
    CONSTRAINT uq_customers_store_phone UNIQUE (store_id, phone),
    CONSTRAINT fk_customers_store FOREIGN KEY (store_id) REFERENCES stores (id)
);
CREATE INDEX ix_customers_store_created ON customers (store_id, created_at);

-- Consecutive sign-in failures per (store, identifier); the identifier is kept only as its SHA-256.
-- No foreign key on store_id: failures are counted in a transaction of their own while the request's
-- transaction is suspended, and a key check must not wait on a store row that transaction holds.
CREATE TABLE login_failures (
    store_id        VARCHAR(40) NOT NULL,
    identifier_hash VARCHAR(64) NOT NULL,
    failures        BIGINT      NOT NULL,
    last_failure_at TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_until    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_login_failures PRIMARY KEY (store_id, identifier_hash)
);

-- A subject's sessions in a store: listing them, and revoking them all (password change, erasure).
CREATE INDEX ix_sessions_store_subject ON sessions (store_id, subject);
