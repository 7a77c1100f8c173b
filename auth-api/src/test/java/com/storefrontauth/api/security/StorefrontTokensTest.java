package com.storefrontauth.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.api.jwt.VerifiedToken;
import com.storefrontauth.domain.customer.GuestLink;
import com.storefrontauth.domain.session.ActiveSessions;
import com.storefrontauth.domain.session.Session;
import com.storefrontauth.domain.session.SessionId;
import com.storefrontauth.domain.session.SessionRevocations;
import com.storefrontauth.domain.session.SubjectKind;
import com.storefrontauth.domain.shared.ClientInfo;
import com.storefrontauth.domain.shared.RandomSecret;
import com.storefrontauth.domain.shared.TokenHash;
import com.storefrontauth.domain.store.StoreId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The token of one request, as every filter and resource of that request sees it. */
class StorefrontTokensTest {

    private final StoreId store = StoreId.generate();
    private final SessionId sessionId = SessionId.generate();
    private final AtomicInteger lookups = new AtomicInteger();
    private final AtomicInteger revocationChecks = new AtomicInteger();
    private boolean revoked;

    @Test
    void authenticateThenOnlyATokenOfThisStoreAndKindWhoseSessionLivesPasses() {
        StorefrontTokens tokens = tokens(token(SubjectKind.CUSTOMER, "cus_1", store.value(), store.value()));
        assertThat(tokens.authenticate(store, SubjectKind.CUSTOMER)).isPresent();
        assertThat(tokens.authenticate(store, SubjectKind.GUEST))
                .as("a customer is no guest")
                .isEmpty();
        assertThat(tokens.authenticate(StoreId.generate(), SubjectKind.CUSTOMER))
                .as("another store")
                .isEmpty();

        StorefrontTokens guest = tokens(token(SubjectKind.GUEST, "anon_1", store.value(), store.value()));
        assertThat(guest.authenticate(store, SubjectKind.CUSTOMER))
                .as("a guest never passes as a customer")
                .isEmpty();

        StorefrontTokens mixed = tokens(token(SubjectKind.CUSTOMER, "cus_1", store.value(), "st_other"));
        assertThat(mixed.authenticate(store, SubjectKind.CUSTOMER))
                .as("aud and store_id must both match")
                .isEmpty();

        revoked = true;
        assertThat(tokens(token(SubjectKind.CUSTOMER, "cus_1", store.value(), store.value()))
                        .authenticate(store, SubjectKind.CUSTOMER))
                .as("revoked session")
                .isEmpty();
    }

    @Test
    void activeSessionAskedAgainAndAgainThenTheSessionIsReadAndTheRevocationCheckedOncePerRequest() {
        StorefrontTokens tokens = tokens(token(SubjectKind.CUSTOMER, "cus_1", store.value(), store.value()));
        for (int i = 0; i < 3; i++) {
            assertThat(tokens.activeSession(store, SubjectKind.CUSTOMER)).isPresent();
            assertThat(tokens.activeSession(store, SubjectKind.GUEST)).isEmpty();
        }
        assertThat(lookups).hasValue(1);
        assertThat(revocationChecks).hasValue(1);
    }

    @Test
    void guestOfThenTheGuestSessionIsReadOnlyWhenTheSignInUsesIt() {
        StorefrontTokens tokens = tokens(token(SubjectKind.GUEST, "anon_1", store.value(), store.value()));
        GuestLink link = tokens.guestOf(store);
        assertThat(lookups).as("a refused password never pays for the guest").hasValue(0);
        assertThat(link.anonymousId()).isEqualTo("anon_1");
        assertThat(lookups).hasValue(1);
        assertThat(tokens(Optional.empty()).guestOf(store).anonymousId()).isNull();
    }

    private Optional<VerifiedToken> token(SubjectKind kind, String subject, String audience, String storeId) {
        return Optional.of(
                new VerifiedToken(subject, List.of(audience), storeId, sessionId, List.of(kind.group()), null));
    }

    private StorefrontTokens tokens(Optional<VerifiedToken> verified) {
        StorefrontTokens tokens = new StorefrontTokens();
        tokens.presented = new PresentedToken() {
            @Override
            public Optional<VerifiedToken> verified() {
                return verified;
            }
        };
        tokens.revocations = new SessionRevocations() {
            @Override
            public boolean isRevoked(SessionId id) {
                revocationChecks.incrementAndGet();
                return revoked;
            }
        };
        tokens.sessions = new ActiveSessions() {
            @Override
            public Optional<Session> find(StoreId in, SessionId id) {
                lookups.incrementAndGet();
                return verified.filter(token -> in.equals(store)).map(token -> session(token));
            }
        };
        return tokens;
    }

    private Session session(VerifiedToken token) {
        Instant now = Instant.now();
        SubjectKind kind = token.hasGroup(SubjectKind.GUEST.group()) ? SubjectKind.GUEST : SubjectKind.CUSTOMER;
        return new Session(
                sessionId,
                store,
                kind,
                token.subject(),
                null,
                now,
                now,
                now.plus(Duration.ofDays(30)),
                Duration.ofDays(14),
                Duration.ofMinutes(15),
                null,
                null,
                new ClientInfo("203.0.113.7", "JUnit/5"),
                TokenHash.of(RandomSecret.generate("rt_")));
    }
}
