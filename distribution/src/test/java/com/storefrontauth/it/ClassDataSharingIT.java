package com.storefrontauth.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.storefrontauth.it.support.Api;
import com.storefrontauth.it.support.Reply;
import com.storefrontauth.it.support.RunningServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The class-data archive the build writes beside the uber-jar: the README's run command maps it, and a server given
 * an archive it cannot use (another JDK's, a damaged file) starts and serves without it.
 */
class ClassDataSharingIT {

    @Test
    void whenStartedAsTheReadmeSaysThenTheBuildsClassArchiveIsMapped() throws IOException {
        Path archive = RunningServer.classArchive();
        assertThat(archive).as("the build writes the archive beside the jar").isRegularFile();

        String maps = Files.readString(
                Path.of("/proc", String.valueOf(RunningServer.get().pid()), "maps"));

        assertThat(maps).contains(archive.toAbsolutePath().toString());
    }

    @Test
    void whenTheArchiveIsUnusableThenTheServerStartsAndSignsInWithoutIt() throws IOException {
        Path unusable = Files.createTempFile(Path.of(System.getProperty("work.dir", "target")), "unusable-", ".jsa");
        Files.writeString(unusable, "an archive of another JDK");
        RunningServer server = RunningServer.dedicatedWithClassArchive(unusable);
        try {
            Reply signIn = Api.of(server)
                    .post(
                            "/api/v1/accounts/login",
                            Api.json("email", RunningServer.ADMIN_EMAIL, "password", RunningServer.ADMIN_PASSWORD));

            assertThat(signIn.status()).as(signIn.toString()).isEqualTo(200);
            String maps = Files.readString(Path.of("/proc", String.valueOf(server.pid()), "maps"));
            assertThat(maps).doesNotContain(unusable.toString());
        } finally {
            server.stop();
        }
    }
}
