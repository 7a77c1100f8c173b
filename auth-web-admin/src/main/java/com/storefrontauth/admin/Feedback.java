package com.storefrontauth.admin;

import com.storefrontauth.domain.shared.ClientAddress;
import com.storefrontauth.domain.shared.ClientInfo;
import com.storefrontauth.domain.shared.DomainException;
import com.storefrontauth.domain.shared.TrustedProxies;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/** Growl messages and field messages from the domain's answers: the console shows the API's own words. */
final class Feedback {

    private Feedback() {}

    static void info(String summary) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, summary, null));
    }

    /** A refusal: its detail in the growl, and each field error next to its field when one is named. */
    static void refused(DomainException refusal) {
        FacesContext context = FacesContext.getCurrentInstance();
        for (Map.Entry<String, List<String>> field : refusal.fieldErrors().entrySet()) {
            for (String message : field.getValue()) {
                context.addMessage(
                        null,
                        new FacesMessage(
                                FacesMessage.SEVERITY_ERROR, field.getKey().replace('_', ' ') + " " + message, null));
            }
        }
        if (refusal.fieldErrors().isEmpty()) {
            context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, refusal.detail(), null));
        }
        context.validationFailed();
    }

    /** Runs a console action: its confirmation in the growl when it worked, the domain's refusal when not. */
    static boolean attempt(Runnable action, String done) {
        try {
            action.run();
            info(done);
            return true;
        } catch (DomainException refusal) {
            refused(refusal);
            return false;
        }
    }

    /** The caller as the API sees it: behind a trusted proxy ({@code auth.http.trusted-proxies}), the client it forwards for. */
    static ClientInfo client() {
        return client((HttpServletRequest)
                FacesContext.getCurrentInstance().getExternalContext().getRequest());
    }

    static ClientInfo client(HttpServletRequest request) {
        String address = Proxies.TRUSTED.client(
                request.getRemoteAddr(),
                Collections.list(request.getHeaders("Forwarded")),
                Collections.list(request.getHeaders("X-Forwarded-For")));
        return new ClientInfo(address, request.getHeader("User-Agent"));
    }

    /** The key of the caller's per-IP windows (IPv6 clients by their /64), as the API keys them. */
    static String rateKey(ClientInfo client) {
        return ClientAddress.parse(client.ip()).map(ClientAddress::rateKey).orElse(client.ip());
    }

    /** Read once, on the first console request; the API reads the same key at startup. */
    private static final class Proxies {
        static final TrustedProxies TRUSTED = TrustedProxies.parse(ConfigProvider.getConfig()
                .getOptionalValue("auth.http.trusted-proxies", String.class)
                .orElse(""));
    }
}
