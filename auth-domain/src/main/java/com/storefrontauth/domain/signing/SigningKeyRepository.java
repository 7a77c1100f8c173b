package com.storefrontauth.domain.signing;

import java.time.Instant;
import java.util.List;

/** Persists signing keys so tokens survive a restart and every instance signs with the same ring. */
public interface SigningKeyRepository {

    void insert(SigningKey key);

    /** Newest first. */
    List<SigningKey> findAll();

    void retireAllActive(Instant now);
}
