package com.storefrontauth.domain.peer;

import com.storefrontauth.domain.platform.PlatformLimitsService;
import com.storefrontauth.domain.session.SessionRevocations;
import com.storefrontauth.domain.signing.SigningKeyRing;
import com.storefrontauth.domain.store.StoreDirectory;
import com.storefrontauth.domain.store.StoreId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Applies a change another instance told of to what this instance holds in memory. */
@ApplicationScoped
public class PeerChanges {

    @Inject
    SessionRevocations revocations;

    @Inject
    StoreDirectory directory;

    @Inject
    PlatformLimitsService limits;

    @Inject
    SigningKeyRing keys;

    public void heard(PeerChange change) {
        switch (change.kind()) {
            case SESSIONS_REVOKED -> revocations.revokedElsewhere();
            case STORE_CHANGED -> StoreId.parse(change.subject()).ifPresent(directory::changedElsewhere);
            case PLATFORM_LIMITS_CHANGED -> limits.changedElsewhere();
            case SIGNING_KEYS_ROTATED -> keys.changedElsewhere();
        }
    }
}
