package com.storefrontauth.domain.customer;

import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.store.StoreId;
import java.time.Instant;

/**
 * A password-reset link mailed to a customer's email: kept only as the hash of its token, good once
 * and until {@code expiresAt}, and only while {@code email} is still the customer's.
 */
public record ResetLink(
        TokenHash id, StoreId store, CustomerId customer, String email, Instant expiresAt, Instant createdAt) {}
