package com.storefrontauth.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.it.support.RunningServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The data grid as an operator sees it from outside the process. On H2 the shared instance runs with no
 * AUTH_CLUSTER_* settings (alone); in the PostgreSQL pass it is clustered on loopback.
 */
class DataGridIT {

    private final RunningServer server = RunningServer.get();

    @Test
    void whenRunningThenEverySocketTheInstanceListensOnIsOnLoopbackIncludingTheDataGrids() throws IOException {
        List<String> listening = listeningAddresses(server.pid());
        assertThat(listening).as("listening sockets").anyMatch(address -> address.endsWith(":" + server.port()));
        assertThat(listening).as("the data grid listens besides HTTP").hasSizeGreaterThan(1);
        assertThat(listening).allMatch(DataGridIT::isLoopback);
    }

    @Test
    void whenAloneThenReadinessIsUpAndReportsOneMember() {
        if (!"h2".equals(System.getProperty("it.database"))) {
            return; // clustered in the PostgreSQL pass: ClusterIT checks the member count there
        }
        assertThat(ClusterIT.gridMembers(server)).isEqualTo(1);
        assertThat(com.storefrontauth.it.support.Api.of(server)
                        .get("/health/ready")
                        .status())
                .isEqualTo(200);
    }

    /** Local addresses (ip:port) of the LISTEN sockets the process holds, read from /proc. */
    private static List<String> listeningAddresses(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
            fds.forEach(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // a descriptor closed while listing
                }
            });
        }
        List<String> addresses = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : Files.readAllLines(Path.of(table))
                    .subList(1, Files.readAllLines(Path.of(table)).size())) {
                String[] fields = line.trim().split("\\s+");
                if (fields[3].equals("0A") && inodes.contains(fields[9])) {
                    addresses.add(decode(fields[1]));
                }
            }
        }
        return addresses;
    }

    /** /proc's hex "address:port" (little-endian 32-bit words) as "ip:port". */
    private static String decode(String hex) {
        String[] parts = hex.split(":");
        int port = Integer.parseInt(parts[1], 16);
        String address = parts[0];
        if (address.length() == 8) {
            return littleEndianIpv4(address) + ":" + port;
        }
        // IPv6: four words; an IPv4-mapped address (::ffff:a.b.c.d) ends with 0000FFFF and the IPv4 word
        if (address.startsWith("0000000000000000FFFF0000")) {
            return "::ffff:" + littleEndianIpv4(address.substring(24)) + ":" + port;
        }
        if (address.equals("00000000000000000000000001000000")) {
            return "::1:" + port;
        }
        return address + ":" + port;
    }

    private static String littleEndianIpv4(String word) {
        return Integer.parseInt(word.substring(6, 8), 16) + "." + Integer.parseInt(word.substring(4, 6), 16) + "."
                + Integer.parseInt(word.substring(2, 4), 16) + "." + Integer.parseInt(word.substring(0, 2), 16);
    }

    private static boolean isLoopback(String address) {
        return address.startsWith("127.") || address.startsWith("::ffff:127.") || address.startsWith("::1:");
    }
}
