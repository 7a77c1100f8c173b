-- A store's own wording of a kind of message (sign-in code, reset link, ...); a kind without a row goes out
-- in the built-in text of the store's preferred language.
CREATE TABLE message_templates (
    store_id   VARCHAR(40)   NOT NULL,
    kind       VARCHAR(40)   NOT NULL,
    subject    VARCHAR(150)  NOT NULL,
    body_text  VARCHAR(1000) NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_message_templates PRIMARY KEY (store_id, kind),
    CONSTRAINT fk_message_templates_store FOREIGN KEY (store_id) REFERENCES stores (id)
);

-- An email's HTML part, sealed like its text; a merchant's template (up to 1000 characters in any script)
-- sealed and base64-encoded outgrows the text column's former 4000.
ALTER TABLE outbox_messages ADD COLUMN sealed_html VARCHAR(32000);
ALTER TABLE outbox_messages ALTER COLUMN sealed_text SET DATA TYPE VARCHAR(16000);
