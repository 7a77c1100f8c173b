package com.storefrontauth.domain.session;

import com.storefrontauth.domain.audit.AuditEventType;
import com.storefrontauth.domain.audit.AuditLog;
import com.storefrontauth.domain.shared.ClientInfo;
import com.storefrontauth.domain.shared.Transactions;
import com.storefrontauth.domain.store.StoreId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Ends sessions: revokes them, records the event that ended them, and has every instance's
 * {@link SessionRevocations} refuse them. Runs in the caller's unit of work; the revocations are
 * published only once it has committed, since a rollback would otherwise leave a session refused in
 * memory that the database still holds active.
 */
@ApplicationScoped
public class SessionEnding {

    /** Why sessions end, as stored with them ({@code revoke_reason}). */
    public enum Reason {
        LOGOUT,
        REFRESH_TOKEN_REUSED,
        CUSTOMER_REVOKED,
        OPERATOR_REVOKED,
        CUSTOMER_DISABLED,
        PASSWORD_CHANGED,
        PASSWORD_RESET,
        ACCOUNT_DELETED,
        ACCOUNT_CLAIMED;

        public String wireValue() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The audit event that tells why: recorded with {@code session_id} (one session) or
     * {@code sessions_revoked} (all of a subject's) added to {@code details}.
     */
    public record Event(AuditEventType type, String actor, ClientInfo client, Map<String, String> details) {

        public static Event of(AuditEventType type, String actor, ClientInfo client) {
            return new Event(type, actor, client, Map.of());
        }
    }

    private SessionRepository sessions;
    private SessionRevocations revocations;
    private AuditLog audit;
    private Transactions transactions;
    private Clock clock;

    protected SessionEnding() {
        // for CDI proxies
    }

    @Inject
    public SessionEnding(
            SessionRepository sessions,
            SessionRevocations revocations,
            AuditLog audit,
            Transactions transactions,
            Clock clock) {
        this.sessions = sessions;
        this.revocations = revocations;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Ends one session; a session already ended is left as it is and nothing is recorded. */
    public boolean end(Session session, Reason reason, Event event) {
        return transactions.required(() -> {
            if (!sessions.revoke(session.id(), reason.wireValue(), clock.instant())) {
                return false;
            }
            record(session.store(), event, "session_id", session.id().value());
            return true;
        });
    }

    /** Ends every session of the store's {@code subject} but {@code except} (may be null); answers how many. */
    public int endAllOf(StoreId store, String subject, SessionId except, Reason reason, Event event) {
        return transactions.required(() -> {
            int ended = sessions.revokeAllOf(store, subject, except, reason.wireValue(), clock.instant());
            record(store, event, "sessions_revoked", String.valueOf(ended));
            return ended;
        });
    }

    /** Ends every management session of a merchant account; the event is recorded in {@code recordedIn} (may be null). */
    public int endAllOfAccount(String account, Reason reason, StoreId recordedIn, Event event) {
        return transactions.required(() -> {
            int ended = sessions.revokeAllOfAccount(account, reason.wireValue(), clock.instant());
            record(recordedIn, event, "sessions_revoked", String.valueOf(ended));
            return ended;
        });
    }

    private void record(StoreId store, Event event, String key, String value) {
        Map<String, String> details = new HashMap<>(event.details());
        details.put(key, value);
        audit.record(store, event.type(), event.actor(), event.client(), Map.copyOf(details));
        transactions.afterCommit(revocations::pollNow);
    }
}
