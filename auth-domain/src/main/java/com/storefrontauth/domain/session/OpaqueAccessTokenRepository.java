package com.storefrontauth.domain.session;

import com.storefrontauth.domain.shared.TokenHash;
import java.util.Optional;

/** Opaque access tokens, kept only as hashes, each naming the session it acts for. */
public interface OpaqueAccessTokenRepository {

    void insert(TokenHash token, SessionId session);

    Optional<SessionId> findSession(TokenHash token);
}
