package com.storefrontauth.domain.message;

import com.storefrontauth.domain.otp.OtpAction;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The messages the platform sends, one text each. A kind carries either a code or a link, never both;
 * the two merchant-account kinds belong to no store (their outbox rows have none), so only the built-in
 * texts speak for them.
 */
public enum MessageKind {
    SIGN_IN_CODE("Sign-in code", false, true),
    REGISTRATION_CODE("Sign-up code", false, true),
    VERIFICATION_CODE("Contact verification code", false, true),
    RESET_CODE("Password reset code", false, true),
    RESET_LINK("Password reset link", true, true),
    EMAIL_CHANGE_CODE("New email confirmation code", false, true),
    PHONE_CHANGE_CODE("New phone confirmation code", false, true),
    MERCHANT_ACTIVATION("Merchant account activation code", false, false),
    MERCHANT_PASSWORD_RESET("Merchant account password reset code", false, false);

    private final String label;
    private final boolean carriesLink;
    private final boolean perStore;

    MessageKind(String label, boolean carriesLink, boolean perStore) {
        this.label = label;
        this.carriesLink = carriesLink;
        this.perStore = perStore;
    }

    /** The kind of the message that carries a code of {@code action}. */
    public static MessageKind of(OtpAction action) {
        return switch (action) {
            case LOGIN -> SIGN_IN_CODE;
            case REGISTER -> REGISTRATION_CODE;
            case VERIFY, CONFIRM_CONTACT -> VERIFICATION_CODE;
            case RESET_PASSWORD -> RESET_CODE;
            case UPDATE_EMAIL -> EMAIL_CHANGE_CODE;
            case UPDATE_PHONE -> PHONE_CHANGE_CODE;
            case ACTIVATE_ACCOUNT -> MERCHANT_ACTIVATION;
            case RESET_ACCOUNT_PASSWORD -> MERCHANT_PASSWORD_RESET;
        };
    }

    /** The kinds a store may word its own way. */
    public static List<MessageKind> perStoreKinds() {
        return Arrays.stream(values()).filter(kind -> kind.perStore).toList();
    }

    public static Optional<MessageKind> fromWire(String value) {
        return Arrays.stream(values())
                .filter(kind -> kind.wireValue().equals(value))
                .findFirst();
    }

    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }

    /** A link kind's text must hold {@code {{link}}}; any other kind's must hold {@code {{code}}}. */
    public boolean carriesLink() {
        return carriesLink;
    }

    public boolean isPerStore() {
        return perStore;
    }

    /** The placeholder the text cannot do without: the secret the message exists to carry. */
    public Placeholder secret() {
        return carriesLink ? Placeholder.LINK : Placeholder.CODE;
    }
}
