package com.storefrontauth.admin;

import com.storefrontauth.domain.cors.CorsOrigin;
import com.storefrontauth.domain.cors.CorsPolicy;
import com.storefrontauth.domain.shared.DomainException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The origins a store's storefront may call from (CORS): add with the API's validation, remove. */
@Named
@ViewScoped
public class OriginsView extends StorePage {

    private static final long serialVersionUID = 1L;

    @Inject
    CorsPolicy cors;

    private List<CorsOrigin> listed;
    private String newOrigin;

    @Override
    protected void refresh() {
        listed = cors.list(session.operator(), id());
    }

    public void add() {
        try {
            CorsOrigin added = cors.allow(session.operator(), id(), newOrigin, Feedback.client());
            Feedback.info("Origin " + added.origin() + " allowed.");
            newOrigin = null;
            refresh();
        } catch (DomainException refused) {
            Feedback.refused(refused);
        }
    }

    public void remove(CorsOrigin origin) {
        try {
            cors.remove(session.operator(), id(), origin.id(), Feedback.client());
            Feedback.info("Origin " + origin.origin() + " removed.");
            refresh();
        } catch (DomainException refused) {
            Feedback.refused(refused);
        }
    }

    public List<CorsOrigin> getListed() {
        return listed;
    }

    public String getNewOrigin() {
        return newOrigin;
    }

    public void setNewOrigin(String newOrigin) {
        this.newOrigin = newOrigin;
    }
}
