package com.storefrontauth.admin;

import com.storefrontauth.domain.integration.Integration;
import com.storefrontauth.domain.integration.StoreIntegration;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A store's Integrate page: its id, publishable key, allowed origins and snippets filled in for it. The base
 * URL is the one this console was reached at, which serves the API too.
 */
@Named
@ViewScoped
public class IntegrateView extends StorePage {

    private static final long serialVersionUID = 1L;

    @Inject
    StoreIntegration integrations;

    private Integration integration;

    @Override
    protected void refresh() {
        HttpServletRequest request = (HttpServletRequest)
                FacesContext.getCurrentInstance().getExternalContext().getRequest();
        String base = request.getRequestURL().toString();
        base = base.substring(0, base.length() - request.getRequestURI().length()) + request.getContextPath();
        // read here, not injected: a config value is not passivation-capable in a view-scoped bean
        String issuer = ConfigProvider.getConfig()
                .getOptionalValue("auth.issuer", String.class)
                .orElse("http://localhost:8080");
        integration = integrations.of(session.operator(), id(), base, issuer);
    }

    public Integration getIntegration() {
        return integration;
    }
}
