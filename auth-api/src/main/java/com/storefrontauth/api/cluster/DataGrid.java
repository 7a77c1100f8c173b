package com.storefrontauth.api.cluster;

import com.hazelcast.core.HazelcastInstance;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Payara's Hazelcast data grid, when this instance is configured to join one ({@code auth.cluster.members}).
 * The runtime starts the grid and joins exactly those members over TCP/IP (see the distribution's pre-boot
 * commands); the application only looks it up. Alone, shared state stays in this process's memory.
 */
@ApplicationScoped
public class DataGrid {

    private static final Logger LOG = Logger.getLogger(DataGrid.class.getName());
    static final String JNDI_NAME = "payara/Hazelcast";

    @Inject
    @ConfigProperty(name = "auth.cluster.members")
    Optional<String> members;

    private HazelcastInstance instance;

    @PostConstruct
    void lookUp() {
        if (members.isEmpty() || members.get().isBlank()) {
            return;
        }
        try {
            instance = (HazelcastInstance) new InitialContext().lookup(JNDI_NAME);
        } catch (NamingException e) {
            throw new IllegalStateException(
                    "auth.cluster.members is set but the runtime offers no data grid at " + JNDI_NAME, e);
        }
        if (instance.getCluster().getMembers().size() < 2) {
            LOG.warning(() -> "Data grid: none of the members " + members.get() + " answered; this instance serves "
                    + "alone, and members that start later join it");
        }
    }

    /** The grid to share state through; empty when this instance runs alone by configuration. */
    public Optional<HazelcastInstance> instance() {
        return Optional.ofNullable(instance);
    }

    /** How many instances share the grid now (1 when alone). */
    public int memberCount() {
        return instance == null ? 1 : instance.getCluster().getMembers().size();
    }
}
