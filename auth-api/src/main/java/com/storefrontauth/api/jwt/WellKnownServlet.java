package com.storefrontauth.api.jwt;

import static com.storefrontauth.api.http.JsonFactory.JSON;

import com.storefrontauth.domain.signing.SigningKeyRing;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The keys and issuer metadata that let a merchant's back end verify our tokens offline with any JOSE
 * library. Served outside {@code /api} because these paths are fixed by RFC 8414 / OpenID Discovery.
 */
@WebServlet(urlPatterns = {"/.well-known/jwks.json", "/.well-known/openid-configuration"})
public class WellKnownServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient SigningKeyRing ring;

    @Inject
    @ConfigProperty(name = "auth.issuer", defaultValue = "http://localhost:8080")
    private transient String issuer;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String body = request.getServletPath().endsWith("jwks.json") ? jwks() : discovery();
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // Verifiers cache the key set; a rotated key is published a day before tokens stop using the old one.
        response.setHeader("Cache-Control", "public, max-age=300");
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.getWriter().write(body);
    }

    private String jwks() {
        return JsonWebKeys.of(ring.published());
    }

    private String discovery() {
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        return JSON.createObjectBuilder()
                .add("issuer", issuer)
                .add("jwks_uri", base + "/.well-known/jwks.json")
                .add("subject_types_supported", JSON.createArrayBuilder().add("public"))
                .add(
                        "id_token_signing_alg_values_supported",
                        JSON.createArrayBuilder().add("RS256").add("ES256"))
                .add(
                        "claims_supported",
                        JSON.createArrayBuilder()
                                .add("iss")
                                .add("sub")
                                .add("aud")
                                .add("exp")
                                .add("iat")
                                .add("jti")
                                .add("sid")
                                .add("store_id")
                                .add("groups")
                                .add("upn")
                                .add("anonymous_id"))
                .build()
                .toString();
    }
}
