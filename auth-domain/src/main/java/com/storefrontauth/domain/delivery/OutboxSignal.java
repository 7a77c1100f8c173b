package com.storefrontauth.domain.delivery;

/** Tells the outbox sender that a message was committed, so it need not wait for its next poll. */
public interface OutboxSignal {

    void messageQueued();
}
