-- Password-reset links mailed to customers, kept only as the SHA-256 of their token. used_at is set by the
-- one statement that spends a link. No foreign key on customer_id: erasing a customer must not wait for
-- their links, which then complete nothing and are pruned a day after they expire.
CREATE TABLE password_reset_links (
    id_hash     VARCHAR(64)  NOT NULL,
    store_id    VARCHAR(40)  NOT NULL,
    customer_id VARCHAR(40)  NOT NULL,
    email       VARCHAR(254) NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at     TIMESTAMP WITH TIME ZONE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_password_reset_links PRIMARY KEY (id_hash),
    CONSTRAINT fk_password_reset_links_store FOREIGN KEY (store_id) REFERENCES stores (id)
);
CREATE INDEX ix_password_reset_links_expires ON password_reset_links (expires_at);
