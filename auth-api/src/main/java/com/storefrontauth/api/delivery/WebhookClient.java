package com.storefrontauth.api.delivery;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The SMS/WhatsApp provider's webhook (API.md "Webhook delivery"), called through MicroProfile Rest Client;
 * the headers are {@link WebhookSignature}'s.
 */
public interface WebhookClient {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Response deliver(
            @HeaderParam("X-Auth-Signature") String signature,
            @HeaderParam("X-Auth-Timestamp") String timestamp,
            @HeaderParam("X-Auth-Signature-V2") String timestampedSignature,
            String body);
}
