package com.storefrontauth.api.http;

import com.storefrontauth.domain.shared.TrustedProxies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** {@code auth.http.trusted-proxies}, read at startup so that a malformed entry stops the deployment, not a request. */
@ApplicationScoped
public class ProxySettings {

    @Inject
    @ConfigProperty(name = "auth.http.trusted-proxies")
    Optional<String> trustedProxies;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        Clients.trust(TrustedProxies.parse(trustedProxies.orElse("")));
    }
}
