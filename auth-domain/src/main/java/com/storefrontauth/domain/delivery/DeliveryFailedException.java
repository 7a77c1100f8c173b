package com.storefrontauth.domain.delivery;

/** A provider did not accept a message; the reason is safe to log (it never holds the text). */
public class DeliveryFailedException extends Exception {

    private final boolean circuitOpen;
    private final boolean permanent;

    /**
     * @param circuitOpen the provider was not called: its circuit breaker is open
     * @param permanent the message can never be delivered (e.g. a refused address): no retry
     */
    public DeliveryFailedException(String reason, boolean circuitOpen, boolean permanent, Throwable cause) {
        super(reason, cause);
        this.circuitOpen = circuitOpen;
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }

    public boolean circuitOpen() {
        return circuitOpen;
    }
}
