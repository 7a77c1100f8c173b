package com.storefrontauth.api.cluster;

import com.hazelcast.core.HazelcastException;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.topic.ITopic;
import com.hazelcast.topic.Message;
import com.storefrontauth.domain.peer.PeerChange;
import com.storefrontauth.domain.peer.PeerChanges;
import com.storefrontauth.domain.peer.PeerChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Changes told to the other instances through a data-grid topic (plain text, so no class of ours has to
 * load on the receiving side); alone, there is nobody to tell. Messages this instance published come back
 * to it and are skipped: it applied the change when making it.
 */
@ApplicationScoped
public class GridPeerChannel implements PeerChannel {

    static final String TOPIC = "storefront-auth-changes";
    private static final Logger LOG = Logger.getLogger(GridPeerChannel.class.getName());

    @Inject
    DataGrid grid;

    @Inject
    PeerChanges changes;

    void listen(@Observes @Initialized(ApplicationScoped.class) Object started) {
        topic().ifPresent(topic -> topic.addMessageListener(this::received));
    }

    @Override
    public void publish(PeerChange change) {
        try {
            topic().ifPresent(topic -> topic.publish(change.encoded()));
        } catch (HazelcastException | HazelcastInstanceNotActiveException e) {
            LOG.warning(() -> "Data grid: could not tell the other instances of " + change.kind() + " (" + e
                    + "); they see it at their next poll");
        }
    }

    private void received(Message<String> message) {
        if (message.getPublishingMember() != null
                && message.getPublishingMember().localMember()) {
            return;
        }
        PeerChange.decode(message.getMessageObject()).ifPresent(changes::heard);
    }

    private Optional<ITopic<String>> topic() {
        return grid.instance().map(instance -> instance.getTopic(TOPIC));
    }
}
