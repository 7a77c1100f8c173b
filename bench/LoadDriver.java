// Closed-loop HTTP load driver for the storefront auth API (single source file, JDK 17, no dependencies).
//
//   java bench/LoadDriver.java --base http://127.0.0.1:18080 --store st_… --api-key pk_… \
//        --password-env BENCH_PASSWORD --users 20 --server-pid 1234 \
//        --scenarios login,refresh,me,anonymous -c 4 --warmup 15 --duration 30 --results results.jsonl
//
// Each of the -c connections is one platform thread with its own java.net.http.HttpClient (HTTP/1.1,
// keep-alive), so it holds exactly one TCP connection and sends its next request when the previous
// answer has arrived. Per scenario: unmeasured setup (sign-ins for refresh/me), warm-up, then one
// measured window. Only requests that complete inside the window count. With --server-pid the server's
// CPU time (utime+stime of /proc/<pid>/stat, all threads) is sampled at the window's edges.
//
// Several instances: --base and --server-pid take comma lists (--base URL1,URL2 --server-pid PID1,PID2).
// Connection i then talks to base i mod n for its whole life (sticky, as behind a load balancer with
// keep-alive, so a refresh chain stays on one instance), and the server CPU is the sum over all pids.
//
// Scenarios:
//   login      POST /api/v1/stores/{store}/auth/login, users from --user-template round-robin
//   refresh    POST …/auth/token/refresh; every connection chains the refresh token of its own previous
//              answer (refresh tokens are single-use); after a failure it signs in again, unmeasured
//   me         GET  …/customers/me with a bearer token from one sign-in per connection
//   anonymous  POST …/auth/anonymous (guest session)
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

public class LoadDriver {

    static final int MAX_CONNECTIONS = 64;
    static final double MAX_WARMUP_S = 300, MAX_WINDOW_S = 600;

    // ------------------------------------------------------------------ options

    static final class Options {
        List<URI> bases = new ArrayList<>();
        String store, apiKey, password, userTemplate = "bench{i}@example.test", results, label = "";
        List<String> scenarios = List.of("login", "refresh", "me", "anonymous");
        int connections = 4, users = 20, rounds = 1, otpPool = 3000;
        double warmup = 15, duration = 30, timeout = 10;
        List<Long> serverPids = new ArrayList<>();
    }

    static void usage(String problem) {
        if (problem != null) {
            System.err.println("error: " + problem);
        }
        System.err.println("""
                usage: java bench/LoadDriver.java --base http://127.0.0.1:PORT[,…] --store ST_ID --api-key PK
                         [--password PW | --password-env VAR] [--users N] [--user-template 'bench{i}@example.test']
                         [--scenarios login,refresh,me,anonymous] [-c CONNECTIONS] [--warmup S] [--duration S]
                         [--timeout S] [--server-pid PID[,…]] [--results FILE.jsonl] [--label TEXT] [--rounds N]
                         [--otp-pool N]  (otp-verify: challenges prepared per connection before the window)
                  scenarios: login refresh me anonymous otp-start otp-verify (the OTP ones need a test-mode store)
                  --base must be http://127.0.0.1:<port>; several (comma list): connection i uses base i mod n,
                  and --server-pid then lists every instance's pid (CPU summed); warm-up <= 300 s, window <= 600 s, connections 1..64""");
        System.exit(2);
    }

    static Options parse(String[] args) {
        Options o = new Options();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                usage(null);
            }
            if (i + 1 >= args.length) {
                usage("missing value after " + a);
            }
            String v = args[++i];
            try {
                switch (a) {
                    case "--base" -> {
                        for (String b : v.split(",")) {
                            o.bases.add(URI.create(b.strip().replaceAll("/+$", "")));
                        }
                    }
                    case "--store" -> o.store = v;
                    case "--api-key" -> o.apiKey = v;
                    case "--password" -> o.password = v;
                    case "--password-env" -> o.password = System.getenv(v);
                    case "--users" -> o.users = Integer.parseInt(v);
                    case "--user-template" -> o.userTemplate = v;
                    case "--scenarios", "--scenario" -> o.scenarios = Arrays.asList(v.split(","));
                    case "-c", "--connections" -> o.connections = Integer.parseInt(v);
                    case "--warmup" -> o.warmup = Double.parseDouble(v);
                    case "--duration" -> o.duration = Double.parseDouble(v);
                    case "--timeout" -> o.timeout = Double.parseDouble(v);
                    case "--server-pid" -> {
                        for (String pid : v.split(",")) {
                            o.serverPids.add(Long.parseLong(pid.strip()));
                        }
                    }
                    case "--results" -> o.results = v;
                    case "--label" -> o.label = v;
                    case "--rounds" -> o.rounds = Integer.parseInt(v);
                    case "--otp-pool" -> o.otpPool = Integer.parseInt(v);
                    default -> usage("unknown option " + a);
                }
            } catch (NumberFormatException e) {
                usage("not a number after " + a + ": " + v);
            }
        }
        if (o.bases.isEmpty() || o.store == null || o.apiKey == null) {
            usage("--base, --store and --api-key are required");
        }
        for (URI base : o.bases) {
            if (!"http".equals(base.getScheme()) || !"127.0.0.1".equals(base.getHost()) || base.getPort() <= 0) {
                usage("--base must be http://127.0.0.1:<port> (this driver only targets loopback)");
            }
        }
        for (String s : o.scenarios) {
            if (!List.of("login", "refresh", "me", "anonymous", "otp-start", "otp-verify").contains(s)) {
                usage("unknown scenario " + s);
            }
        }
        boolean needsPassword = o.scenarios.stream().anyMatch(s -> List.of("login", "refresh", "me").contains(s));
        if (needsPassword && (o.password == null || o.password.isEmpty())) {
            usage("login/refresh/me need --password or --password-env");
        }
        if (o.connections < 1 || o.connections > MAX_CONNECTIONS) {
            usage("connections must be 1.." + MAX_CONNECTIONS);
        }
        if (o.warmup < 0 || o.warmup > MAX_WARMUP_S || o.duration <= 0 || o.duration > MAX_WINDOW_S) {
            usage("warm-up must be 0..300 s and the window 0..600 s");
        }
        if (o.timeout <= 0 || o.timeout > 60 || o.users < 1 || o.rounds < 1 || o.rounds > 5) {
            usage("timeout must be 0..60 s, users >= 1, rounds 1..5");
        }
        return o;
    }

    // ------------------------------------------------------------ tiny JSON read

    /** The string value of a top-level-ish member, or null (enough for tokens and error codes). */
    static String jsonString(String body, String name) {
        if (body == null) {
            return null;
        }
        int k = body.indexOf("\"" + name + "\"");
        if (k < 0) {
            return null;
        }
        int i = k + name.length() + 2;
        while (i < body.length() && Character.isWhitespace(body.charAt(i))) {
            i++;
        }
        if (i >= body.length() || body.charAt(i) != ':') {
            return null;
        }
        i++;
        while (i < body.length() && Character.isWhitespace(body.charAt(i))) {
            i++;
        }
        if (i >= body.length() || body.charAt(i) != '"') {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (i++; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '"') {
                return sb.toString();
            }
            if (c == '\\' && i + 1 < body.length()) {
                char e = body.charAt(++i);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'u' -> {
                        sb.append((char) Integer.parseInt(body.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> sb.append(e);
                }
            } else {
                sb.append(c);
            }
        }
        return null;
    }

    static String jsonEscape(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    // --------------------------------------------------------------- server side

    static long clkTck = 100;

    static void readClockTick() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            if (p.waitFor() == 0) {
                clkTck = Long.parseLong(out);
            }
        } catch (IOException | InterruptedException | NumberFormatException e) {
            System.err.println("getconf CLK_TCK failed (" + e + "); assuming 100");
        }
    }

    /** utime+stime of the processes (all threads) in seconds, summed; NaN when there are none or one is unreadable. */
    static double serverCpuSeconds(List<Long> pids) {
        double sum = pids.isEmpty() ? Double.NaN : 0;
        for (long pid : pids) {
            sum += serverCpuSeconds(pid);
        }
        return sum;
    }

    /** utime+stime of the process (all threads) in seconds, or NaN. */
    static double serverCpuSeconds(long pid) {
        if (pid <= 0) {
            return Double.NaN;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after "pid (comm) ": f[0]=state … f[11]=utime f[12]=stime (proc(5) fields 14 and 15)
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / (double) clkTck;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** {total, idle} jiffies of the whole machine. */
    static long[] machineCpu() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            return new long[] {total, Long.parseLong(f[4]) + Long.parseLong(f[5])};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    static double driverCpuSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }

    // ---------------------------------------------------------------- scenarios

    static final class SetupFailed extends Exception {
        private static final long serialVersionUID = 1L;

        SetupFailed(String m) {
            super(m);
        }
    }

    /** One connection: one thread, one HttpClient (so one keep-alive TCP connection). */
    static final class Connection implements Runnable {
        final Options o;
        final String scenario;
        final int no;
        final AtomicLong userCounter;
        final HttpClient http;
        final String prefix;
        final CountDownLatch ready, go;
        volatile long windowStart, windowEnd;
        // results
        long[] lat = new long[4096];
        int n;
        final Map<String, Long> errors = new TreeMap<>();
        long relogins, warmupRequests;
        volatile boolean exhausted;
        String setupError;
        String refreshToken, accessToken;
        final java.util.ArrayDeque<String[]> otpPool = new java.util.ArrayDeque<>();
        final String nonce = Long.toString(System.nanoTime(), 36);
        long otpCounter;

        Connection(Options o, String scenario, int no, AtomicLong userCounter, CountDownLatch ready, CountDownLatch go) {
            this.o = o;
            this.scenario = scenario;
            this.no = no;
            this.userCounter = userCounter;
            this.ready = ready;
            this.go = go;
            this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
            this.prefix = o.bases.get(no % o.bases.size()) + "/api/v1/stores/" + o.store;
        }

        String nextUser() {
            long i = Math.floorMod(userCounter.getAndIncrement(), (long) o.users);
            return o.userTemplate.replace("{i}", Long.toString(i));
        }

        HttpRequest.Builder req(String path) {
            return HttpRequest.newBuilder(URI.create(prefix + path))
                    .timeout(Duration.ofMillis((long) (o.timeout * 1000)))
                    .header("X-Storefront-Api-Key", o.apiKey)
                    .header("Accept", "application/json");
        }

        HttpRequest loginRequest() {
            String body = "{\"email\":" + jsonEscape(nextUser()) + ",\"password\":" + jsonEscape(o.password) + "}";
            return req("/auth/login").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        }

        HttpRequest nextRequest() {
            return switch (scenario) {
                case "login" -> loginRequest();
                case "refresh" -> req("/auth/token/refresh").header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"refresh_token\":" + jsonEscape(refreshToken) + "}"))
                        .build();
                case "me" -> req("/customers/me").header("Authorization", "Bearer " + accessToken).GET().build();
                case "anonymous" -> req("/auth/anonymous").POST(HttpRequest.BodyPublishers.noBody()).build();
                case "otp-start" -> otpStartRequest();
                case "otp-verify" -> {
                    String[] challenge = otpPool.poll();
                    yield challenge == null ? null : req("/auth/otp/verify").header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"otp_token\":" + jsonEscape(challenge[0])
                                    + ",\"otp\":" + jsonEscape(challenge[1]) + ",\"otp_action\":\"register\"}"))
                            .build();
                }
                default -> throw new IllegalStateException(scenario);
            };
        }

        /** A code to a never-seen address with register_if_not_exists: a real challenge with its outbox message. */
        HttpRequest otpStartRequest() {
            String email = "otp-" + nonce + "-" + no + "-" + (otpCounter++) + "@example.test";
            return req("/auth/login/email").header("Content-Type", "application/json").header("X-Debug-Mode", "true")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"email\":" + jsonEscape(email)
                            + ",\"register_if_not_exists\":true}")).build();
        }

        /** Unmeasured: register challenges whose codes the test-mode store echoes, one per measured verify. */
        void prepareOtpPool() throws SetupFailed, InterruptedException {
            for (int i = 0; i < o.otpPool; i++) {
                try {
                    HttpResponse<String> r = http.send(otpStartRequest(), HttpResponse.BodyHandlers.ofString());
                    String token = jsonString(r.body(), "otp_token");
                    String code = jsonString(r.body(), "otp");
                    if (r.statusCode() != 200 || token == null || code == null) {
                        throw new SetupFailed("otp start failed: HTTP " + r.statusCode() + " " + abbreviate(r.body())
                                + " (the store must be in test mode)");
                    }
                    otpPool.add(new String[] {token, code});
                } catch (IOException e) {
                    throw new SetupFailed("otp start failed: " + e);
                }
            }
        }

        /** Signs in (unmeasured) for the refresh and me scenarios; retries a few times on 429 / errors. */
        void signIn() throws SetupFailed, InterruptedException {
            String last = "";
            for (int attempt = 0; attempt < 5; attempt++) {
                try {
                    HttpResponse<String> r = http.send(loginRequest(), HttpResponse.BodyHandlers.ofString());
                    String access = jsonString(r.body(), "access_token");
                    String refresh = jsonString(r.body(), "refresh_token");
                    if (r.statusCode() == 200 && access != null && refresh != null) {
                        accessToken = access;
                        refreshToken = refresh;
                        return;
                    }
                    last = "HTTP " + r.statusCode() + " " + abbreviate(r.body());
                } catch (IOException e) {
                    last = e.toString();
                }
                Thread.sleep(200L * (attempt + 1));
            }
            throw new SetupFailed("sign-in failed: " + last);
        }

        /** Returns null when the answer is a success, else the error kind. */
        String judge(HttpResponse<String> r) {
            int st = r.statusCode();
            boolean ok = switch (scenario) {
                case "login", "anonymous", "otp-verify" -> st == 200 && jsonString(r.body(), "access_token") != null;
                case "otp-start" -> st == 200 && jsonString(r.body(), "otp_token") != null;
                case "refresh" -> {
                    String next = st == 200 ? jsonString(r.body(), "refresh_token") : null;
                    if (next != null) {
                        refreshToken = next;
                    }
                    yield next != null;
                }
                case "me" -> st == 200;
                default -> false;
            };
            if (ok) {
                return null;
            }
            String code = jsonString(r.body(), "error_code");
            return "HTTP " + st + (code != null ? " " + code : "");
        }

        @Override
        public void run() {
            try {
                if (scenario.equals("refresh") || scenario.equals("me")) {
                    signIn();
                } else if (scenario.equals("otp-verify")) {
                    prepareOtpPool();
                }
            } catch (SetupFailed e) {
                setupError = e.getMessage();
            } catch (InterruptedException e) {
                setupError = "interrupted";
            } finally {
                ready.countDown();
            }
            if (setupError != null) {
                return;
            }
            try {
                go.await();
            } catch (InterruptedException e) {
                return;
            }
            boolean needsRecovery = false;
            while (true) {
                long now = System.nanoTime();
                if (now >= windowEnd || Thread.currentThread().isInterrupted()) {
                    break;
                }
                if (needsRecovery && !scenario.equals("login") && !scenario.equals("anonymous")) {
                    try {
                        signIn();
                        relogins++;
                        needsRecovery = false;
                    } catch (SetupFailed e) {
                        continue; // the next measured request will fail and be counted
                    } catch (InterruptedException e) {
                        break;
                    }
                    continue; // re-check the clock: the sign-in took time
                }
                HttpRequest request = nextRequest();
                if (request == null) {
                    exhausted = true; // otp-verify used its whole pool: stop before the window is padded with idling
                    break;
                }
                long t0 = System.nanoTime();
                String error;
                try {
                    error = judge(http.send(request, HttpResponse.BodyHandlers.ofString()));
                } catch (IOException e) {
                    error = e.getClass().getSimpleName();
                } catch (InterruptedException e) {
                    break;
                }
                long t1 = System.nanoTime();
                if (t1 >= windowStart && t1 < windowEnd) {
                    if (error == null) {
                        if (n == lat.length) {
                            lat = Arrays.copyOf(lat, n * 2);
                        }
                        lat[n++] = t1 - t0;
                    } else {
                        errors.merge(error, 1L, Long::sum);
                    }
                } else if (t1 < windowStart) {
                    warmupRequests++;
                }
                if (error != null) {
                    needsRecovery = scenario.equals("refresh") || (scenario.equals("me") && error.startsWith("HTTP 401"));
                    if (error.startsWith("HTTP 429") || !error.startsWith("HTTP")) {
                        sleepQuietly(20); // do not spin on a refusing or broken server
                    }
                }
            }
        }
    }

    static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        s = s.replaceAll("\\s+", " ");
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    // ------------------------------------------------------------- one scenario

    static Map<String, Object> runScenario(Options o, String scenario, int round) throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(o.connections), go = new CountDownLatch(1);
        AtomicLong users = new AtomicLong();
        List<Connection> conns = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < o.connections; i++) {
            Connection c = new Connection(o, scenario, i, users, ready, go);
            conns.add(c);
            Thread t = new Thread(c, "vu-" + scenario + "-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        if (!ready.await(120, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new IllegalStateException(scenario + ": connections not ready after 120 s of setup");
        }
        List<String> setupErrors = conns.stream().filter(c -> c.setupError != null).map(c -> c.setupError).toList();
        if (!setupErrors.isEmpty()) {
            go.countDown();
            throw new IllegalStateException(scenario + ": setup failed on " + setupErrors.size() + " connection(s): "
                    + setupErrors.get(0));
        }
        long start = System.nanoTime();
        long wStart = start + (long) (o.warmup * 1e9), wEnd = wStart + (long) (o.duration * 1e9);
        for (Connection c : conns) {
            c.windowStart = wStart;
            c.windowEnd = wEnd;
        }
        go.countDown();
        sleepUntil(wStart);
        double s0 = serverCpuSeconds(o.serverPids), d0 = driverCpuSeconds();
        long[] m0 = machineCpu();
        long p0 = System.nanoTime();
        sleepUntil(wEnd);
        double s1 = serverCpuSeconds(o.serverPids), d1 = driverCpuSeconds();
        long[] m1 = machineCpu();
        long p1 = System.nanoTime();
        long joinDeadline = System.nanoTime() + (long) ((o.timeout + 5) * 1e9);
        for (Thread t : threads) {
            long left = (joinDeadline - System.nanoTime()) / 1_000_000;
            if (left > 0) {
                t.join(left);
            }
            if (t.isAlive()) {
                t.interrupt();
            }
        }
        for (Thread t : threads) {
            t.join(2000);
        }

        int total = conns.stream().mapToInt(c -> c.n).sum();
        long[] all = new long[total];
        int k = 0;
        Map<String, Long> errors = new TreeMap<>();
        long relogins = 0;
        for (Connection c : conns) {
            System.arraycopy(c.lat, 0, all, k, c.n);
            k += c.n;
            c.errors.forEach((e, v) -> errors.merge(e, v, Long::sum));
            relogins += c.relogins;
        }
        Arrays.sort(all);
        double window = (p1 - p0) / 1e9;
        double serverCpu = s1 - s0;
        long mt = m1[0] - m0[0], mi = m1[1] - m0[1];
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("time", Instant.now().toString());
        r.put("label", o.label);
        r.put("round", round);
        r.put("scenario", scenario);
        r.put("connections", o.connections);
        r.put("warmup_s", o.warmup);
        r.put("window_s", round(window, 3));
        r.put("ok", total);
        r.put("errors", errors);
        r.put("error_count", errors.values().stream().mapToLong(Long::longValue).sum());
        r.put("relogins_unmeasured", relogins);
        if (scenario.equals("otp-verify")) {
            // a connection that ran out of prepared challenges idled: throughput is then low, per-CPU figures hold
            r.put("otp_pool_exhausted", conns.stream().anyMatch(c -> c.exhausted));
        }
        r.put("throughput_rps", round(total / window, 1));
        r.put("p50_ms", round(pct(all, 50), 2));
        r.put("p90_ms", round(pct(all, 90), 2));
        r.put("p99_ms", round(pct(all, 99), 2));
        r.put("max_ms", round(total == 0 ? Double.NaN : all[total - 1] / 1e6, 2));
        r.put("mean_ms", round(total == 0 ? Double.NaN : Arrays.stream(all).average().orElse(0) / 1e6, 2));
        r.put("server_pid", o.serverPids.size() == 1 ? o.serverPids.get(0) : o.serverPids.toString());
        r.put("instances", o.bases.size());
        r.put("server_cpu_s", round(serverCpu, 2));
        r.put("server_cores_used", round(serverCpu / window, 2));
        r.put("rps_per_server_cpu_s", round(serverCpu > 0 ? total / serverCpu : Double.NaN, 1));
        r.put("driver_cpu_s", round(d1 - d0, 2));
        r.put("machine_busy_pct", round(mt > 0 ? 100.0 * (mt - mi) / mt : Double.NaN, 1));
        r.put("clk_tck", clkTck);
        r.put("jdk", Runtime.version().toString());
        r.put("host_cpus", Runtime.getRuntime().availableProcessors());
        r.put("base", String.join(",", o.bases.stream().map(URI::toString).toList()));
        return r;
    }

    /** Nearest-rank percentile in milliseconds. */
    static double pct(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int idx = (int) Math.ceil(q / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))] / 1e6;
    }

    static double round(double v, int digits) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.NaN;
        }
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    static void sleepUntil(long nanoDeadline) throws InterruptedException {
        long left;
        while ((left = nanoDeadline - System.nanoTime()) > 0) {
            Thread.sleep(Math.max(1, Math.min(left / 1_000_000, 500)));
        }
    }

    static String toJson(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String s) {
            return jsonEscape(s);
        }
        if (v instanceof Double d) {
            return Double.isNaN(d) ? "null" : (d == Math.rint(d) && Math.abs(d) < 1e15
                    ? String.format(Locale.ROOT, "%.1f", d) : Double.toString(d));
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        if (v instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (sb.length() > 1) {
                    sb.append(',');
                }
                sb.append(jsonEscape(e.getKey().toString())).append(':').append(toJson(e.getValue()));
            }
            return sb.append('}').toString();
        }
        return jsonEscape(v.toString());
    }

    static String fmt(Object v, String pattern) {
        return v instanceof Double d && d.isNaN() ? "-" : String.format(Locale.ROOT, pattern, v);
    }

    static void printHeader() {
        System.out.printf(Locale.ROOT, "%-5s %-10s %3s %8s %9s %8s %8s %8s %8s %8s %11s %7s %6s  %s%n", "round", "scenario", "c",
                "ok", "req/s", "p50ms", "p90ms", "p99ms", "maxms", "srvCPUs", "req/srvCPUs", "drvCPU", "mach%",
                "errors");
    }

    static void printRow(Map<String, Object> r) {
        Object errs = ((Map<?, ?>) r.get("errors")).isEmpty() ? "-" : r.get("errors");
        long relogins = (Long) r.get("relogins_unmeasured");
        System.out.printf(Locale.ROOT, "%-5s %-10s %3d %8d %9s %8s %8s %8s %8s %8s %11s %7s %6s  %s%s%n", r.get("round"), r.get("scenario"),
                r.get("connections"), r.get("ok"), fmt(r.get("throughput_rps"), "%.1f"), fmt(r.get("p50_ms"), "%.2f"),
                fmt(r.get("p90_ms"), "%.2f"), fmt(r.get("p99_ms"), "%.2f"), fmt(r.get("max_ms"), "%.1f"),
                fmt(r.get("server_cpu_s"), "%.2f"), fmt(r.get("rps_per_server_cpu_s"), "%.1f"),
                fmt(r.get("driver_cpu_s"), "%.2f"), fmt(r.get("machine_busy_pct"), "%.0f"), errs,
                relogins > 0 ? " (unmeasured re-logins: " + relogins + ")" : "");
        System.out.flush();
    }

    public static void main(String[] args) throws Exception {
        Options o = parse(args);
        readClockTick();
        for (long pid : o.serverPids) {
            if (Double.isNaN(serverCpuSeconds(pid))) {
                usage("cannot read /proc/" + pid + "/stat");
            }
        }
        System.out.printf(Locale.ROOT, "# LoadDriver %s  JDK %s  host CPUs %d  CLK_TCK %d  base %s  store %s%n",
                Instant.now(), Runtime.version(), Runtime.getRuntime().availableProcessors(), clkTck, String.join(",", o.bases.stream().map(URI::toString).toList()), o.store);
        System.out.printf(Locale.ROOT, "# %d connection(s), warm-up %.0f s, window %.0f s, %d user(s), %d round(s),"
                + " server pid %s%n", o.connections, o.warmup, o.duration, o.users, o.rounds,
                o.serverPids.isEmpty() ? "-" : String.join(",", o.serverPids.stream().map(String::valueOf).toList()));
        printHeader();
        int failures = 0;
        for (int round = 1; round <= o.rounds; round++) {
            for (String scenario : o.scenarios) {
                Map<String, Object> r;
                try {
                    r = runScenario(o, scenario, round);
                } catch (IllegalStateException e) {
                    System.out.println(String.format(Locale.ROOT, "%-5d %-10s FAILED: %s", round, scenario, e.getMessage()));
                    failures++;
                    continue;
                }
                printRow(r);
                if (o.results != null) {
                    try {
                        Files.writeString(Path.of(o.results), toJson(r) + "\n", StandardCharsets.UTF_8,
                                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
        System.exit(failures == 0 ? 0 : 1);
    }
}
