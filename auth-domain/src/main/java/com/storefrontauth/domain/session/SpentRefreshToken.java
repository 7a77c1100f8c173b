package com.storefrontauth.domain.session;

import java.time.Instant;

/** A refresh token that was exchanged: the session it belonged to, and when. */
public record SpentRefreshToken(SessionId session, Instant usedAt) {}
