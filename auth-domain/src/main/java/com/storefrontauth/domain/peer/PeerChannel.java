package com.storefrontauth.domain.peer;

/**
 * Tells the other instances of the cluster about a change (the data grid's topic when clustered;
 * nothing to tell when alone). Delivery is best effort: the receivers' polls catch what is lost.
 */
public interface PeerChannel {

    void publish(PeerChange change);
}
