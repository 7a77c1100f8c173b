package com.storefrontauth.admin;

import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.signing.SigningKey;
import com.storefrontauth.domain.signing.SigningKeyRing;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The platform's token signing keys (platform admin only): their status, and rotation to a new key after
 * the admin's password is asked again.
 */
@Named
@ViewScoped
public class SigningKeysView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SigningKeyRing ring;

    @Inject
    ConsoleSession session;

    @Inject
    PasswordConfirmation confirmation;

    @Inject
    Clock clock;

    /** What the page shows of a key: never the private half, which must not end up in a serialized view. */
    public record KeyRow(String kid, String algorithm, String status, Instant createdAt, Instant retiredAt) {}

    private List<KeyRow> keys;
    private boolean allowed;
    private String password;

    public void load() {
        try {
            Instant now = clock.instant();
            keys = ring.list(session.operator()).stream()
                    .map(key -> row(key, now))
                    .toList();
            allowed = true;
        } catch (DomainException refused) {
            keys = List.of();
            allowed = false;
            Feedback.refused(refused);
        }
    }

    public void rotate() {
        try {
            if (Feedback.attempt(
                    () -> {
                        confirmation.confirm(password);
                        ring.rotate(session.operator(), Feedback.client());
                    },
                    "New signing key active. The previous one stays published until its tokens have expired.")) {
                load();
            }
        } finally {
            password = null;
        }
    }

    private static KeyRow row(SigningKey key, Instant now) {
        return new KeyRow(key.kid(), key.algorithm().name(), key.status(now), key.createdAt(), key.retiredAt());
    }

    public List<KeyRow> getKeys() {
        return keys;
    }

    public boolean isAllowed() {
        return allowed;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
