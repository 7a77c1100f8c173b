package com.storefrontauth.api.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.UUID;

/** Two data-grid members in this JVM, joined over TCP/IP on loopback as two instances would be. */
public final class TwoMemberGrid implements AutoCloseable {

    public final HazelcastInstance first;
    public final HazelcastInstance second;

    public TwoMemberGrid() {
        String name = "test-" + UUID.randomUUID();
        int firstPort = freePort();
        int secondPort = freePort();
        first = Hazelcast.newHazelcastInstance(config(name, firstPort, secondPort));
        second = Hazelcast.newHazelcastInstance(config(name, secondPort, firstPort));
    }

    private static Config config(String name, int port, int otherPort) {
        Config config = new Config().setClusterName(name);
        config.setProperty("hazelcast.logging.type", "none");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.getNetworkConfig().setPort(port).setPortAutoIncrement(false);
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        config.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
        config.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
        config.getNetworkConfig()
                .getJoin()
                .getTcpIpConfig()
                .setEnabled(true)
                .addMember("127.0.0.1:" + port)
                .addMember("127.0.0.1:" + otherPort);
        return config;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        second.getLifecycleService().terminate();
        first.getLifecycleService().terminate();
    }
}
