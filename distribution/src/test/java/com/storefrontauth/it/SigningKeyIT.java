package com.storefrontauth.it;

import static com.storefrontauth.it.PlatformIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import com.storefrontauth.it.support.Api;
import com.storefrontauth.it.support.Fixtures;
import com.storefrontauth.it.support.Fixtures.StoreFixture;
import com.storefrontauth.it.support.Reply;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Signing-key rotation: new tokens use the new key, tokens of the old one keep working until they expire. */
class SigningKeyIT {

    @Test
    void whenRotatedThenNewKeySignsAndOldKeyStaysPublished() throws Exception {
        Api admin = Fixtures.admin();
        StoreFixture store = Fixtures.newStore();
        String oldGuest = store.guest().getString("access_token");
        String oldKid = SignedJWT.parse(oldGuest).getHeader().getKeyID();

        Reply rotated = admin.post("/api/v1/admin/signing-keys/rotate");
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(201);
        String newKid = rotated.string("kid");
        assertThat(newKid).isNotEqualTo(oldKid);
        assertThat(rotated.string("status")).isEqualTo("active");

        List<String> published = Api.server().get("/.well-known/jwks.json").json().getJsonArray("keys").stream()
                .map(JsonValue::asJsonObject)
                .map(key -> key.getString("kid"))
                .toList();
        assertThat(published).contains(oldKid, newKid);

        JsonObject listed = admin.get("/api/v1/admin/signing-keys").json();
        assertThat(listed.getJsonArray("items").stream()
                        .map(JsonValue::asJsonObject)
                        .filter(key -> key.getString("kid").equals(oldKid))
                        .findFirst()
                        .orElseThrow()
                        .getString("status"))
                .isEqualTo("retired");

        String newGuest = store.guest().getString("access_token");
        assertThat(SignedJWT.parse(newGuest).getHeader().getKeyID()).isEqualTo(newKid);
        assertThat(store.storefront()
                        .bearer(oldGuest)
                        .post(store.path("/auth/logout"))
                        .status())
                .as("a token of the retired key is still accepted")
                .isEqualTo(204);
        String newCustomer = CustomerSignInIT.register(store, CustomerSignInIT.unique("rotated") + "@example.com")
                .string("access_token");
        assertThat(SignedJWT.parse(newCustomer).getHeader().getKeyID()).isEqualTo(newKid);
        long deadline = System.nanoTime() + 2_000_000_000L;
        int status;
        while ((status = store.storefront()
                                .bearer(newCustomer)
                                .get(store.path("/customers/me"))
                                .status())
                        != 200
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(status)
                .as("MP-JWT verifies a token of the new key within its 1 s key cache")
                .isEqualTo(200);
        assertThat(admin.get("/api/v1/stores").status())
                .as("and still one of the retired key")
                .isEqualTo(200);
    }

    @Test
    void whenNotPlatformAdminThenForbidden() {
        StoreFixture store = Fixtures.newStore();
        String secret = Fixtures.admin()
                .post(store.path("/api-keys"), Api.json("type", "secret"))
                .string("key");
        assertProblem(Api.server().bearer(secret).post("/api/v1/admin/signing-keys/rotate"), 403, "forbidden");
        assertProblem(Api.server().bearer(secret).get("/api/v1/admin/signing-keys"), 403, "forbidden");
        assertProblem(Api.server().post("/api/v1/admin/signing-keys/rotate"), 401, "unauthorized");
    }
}
