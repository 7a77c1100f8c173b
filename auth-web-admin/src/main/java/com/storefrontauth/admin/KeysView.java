package com.storefrontauth.admin;

import com.storefrontauth.domain.apikey.ApiKey;
import com.storefrontauth.domain.apikey.ApiKeyService;
import com.storefrontauth.domain.apikey.ApiKeyType;
import com.storefrontauth.domain.shared.DomainException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * A store's API keys: create publishable or secret ones (a secret is shown once, after the operator's
 * password is asked again), revoke.
 */
@Named
@ViewScoped
public class KeysView extends StorePage {

    private static final long serialVersionUID = 1L;

    @Inject
    ApiKeyService keys;

    @Inject
    PasswordConfirmation confirmation;

    private List<ApiKey> listed;
    private String newType = "publishable";
    private String newLabel;
    private String password;
    private String shownOnce;

    @Override
    protected void refresh() {
        listed = keys.list(session.operator(), id());
    }

    public void create() {
        try {
            ApiKeyType type = ApiKeyType.fromWire(newType).orElse(ApiKeyType.PUBLISHABLE);
            if (type == ApiKeyType.SECRET) {
                confirmation.confirm(password);
            }
            ApiKey.Issued issued = keys.issue(session.operator(), id(), type, newLabel, Feedback.client());
            shownOnce = issued.key().type() == ApiKeyType.SECRET ? issued.value() : null;
            Feedback.info(
                    issued.key().type() == ApiKeyType.SECRET
                            ? "Secret key created: copy it now, it is shown only once."
                            : "Publishable key created.");
            newLabel = null;
            refresh();
        } catch (DomainException refused) {
            Feedback.refused(refused);
        } finally {
            password = null;
        }
    }

    public void revoke(ApiKey key) {
        try {
            keys.revoke(session.operator(), id(), key.id(), Feedback.client());
            Feedback.info("Key revoked: it stopped working at once.");
            refresh();
        } catch (DomainException refused) {
            Feedback.refused(refused);
        }
    }

    public List<ApiKey> getListed() {
        return listed;
    }

    public String getNewType() {
        return newType;
    }

    public void setNewType(String newType) {
        this.newType = newType;
    }

    public String getNewLabel() {
        return newLabel;
    }

    public void setNewLabel(String newLabel) {
        this.newLabel = newLabel;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    /** The secret key just created, until the page is left; null otherwise. */
    public String getShownOnce() {
        return shownOnce;
    }
}
