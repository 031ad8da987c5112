package deeplabour;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Runs Neo4j 5.26 Community embedded with its Bolt connector on 127.0.0.1, until SIGINT or SIGTERM.
 * Prints exactly one "neo4j: ready at bolt://..." line on stdout once Bolt accepts connections;
 * everything else goes to stderr, so the Node side can wait on that line.
 */
public final class EmbeddedNeo4j {
    private EmbeddedNeo4j() {}

    public static void main(String[] args) throws Exception {
        // Every setting comes from the Node side (server/config.ts), which documents and checks it; none is defaulted here.
        String dataDir = required("NEO4J_DATA_DIR");
        int port = parsePort(required("NEO4J_BOLT_PORT"));
        String pageCache = required("NEO4J_PAGECACHE");
        String txTimeout = required("NEO4J_TX_TIMEOUT");
        // The password of the `neo4j` user, in a file only its owner can read (never in the environment or the command line).
        String password = readPassword(required("NEO4J_PASSWORD_FILE"));
        // The identity this project gives a store it creates; written into the graph only when the store is new.
        String identity = required("NEO4J_STORE_IDENTITY");

        Path home = Path.of(dataDir).toAbsolutePath();
        boolean isNew = !Files.exists(home.resolve("data").resolve("databases"));
        DatabaseManagementService dbms;
        try {
            dbms = new DatabaseManagementServiceBuilder(home)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                    .setConfig(HttpConnector.enabled, false)
                    // Embedded Neo4j defaults to no authentication: any local process could read or rewrite the graph.
                    .setConfig(GraphDatabaseSettings.auth_enabled, true)
                    // An import is one transaction (all or nothing): keep its state off the heap, so a large one does not exhaust it.
                    .setConfig(GraphDatabaseSettings.tx_state_memory_allocation, GraphDatabaseSettings.TransactionStateMemoryAllocation.OFF_HEAP)
                    .setConfig(GraphDatabaseSettings.tx_state_max_off_heap_memory, ByteUnit.parse(required("NEO4J_TX_STATE_OFF_HEAP")))
                    // What all open transactions may hold, on and off the heap together (Neo4j's default, 70% of the heap, would stop an import at the heap's size).
                    .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, ByteUnit.parse(required("NEO4J_TX_MEMORY_MAX")))
                    .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(pageCache))
                    .setConfig(GraphDatabaseSettings.transaction_timeout, parseDuration(txTimeout))
                    .build();
        } catch (RuntimeException e) {
            System.err.println("neo4j: could not start the embedded database in " + home + ": " + rootMessage(e)
                    + " (is another Neo4j using this data directory or port " + port + "? set NEO4J_DATA_DIR or NEO4J_BOLT_PORT)");
            System.exit(1);
            return;
        }

        try {
            dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        } catch (RuntimeException e) {
            // Setting the password it already has is refused by some versions; any other failure stops here.
            if (!rootMessage(e).toLowerCase().contains("same")) {
                System.err.println("neo4j: could not set the password of user neo4j: " + rootMessage(e));
                dbms.shutdown();
                System.exit(1);
            }
        }

        if (isNew) {
            dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally(
                    "MERGE (s:StoreIdentity {singleton: true}) ON CREATE SET s.id = $id, s.createdAt = datetime()", Map.of("id", identity));
            System.err.println("neo4j: created a new store in " + home);
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.err.println("neo4j: shutting down cleanly");
            dbms.shutdown();
            stopped.countDown();
        }, "neo4j-shutdown"));

        if ("1".equals(System.getenv("NEO4J_STOP_WITH_PARENT"))) {
            // The Node parent holds our stdin open; when it dies, even by SIGKILL, stdin closes and we stop
            // cleanly instead of holding the port and the store lock as an orphan.
            Thread watcher = new Thread(() -> {
                try {
                    while (System.in.read() != -1) {
                        // discard
                    }
                } catch (java.io.IOException ignored) {
                    // treat as closed
                }
                System.err.println("neo4j: parent process gone");
                System.exit(0);
            }, "parent-watcher");
            watcher.setDaemon(true);
            watcher.start();
        }

        waitForBolt(port, Duration.ofSeconds(60));
        System.out.println("neo4j: ready at bolt://127.0.0.1:" + port);
        System.out.flush();
        stopped.await();
    }

    private static void waitForBolt(int port, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (java.io.IOException e) {
                Thread.sleep(100);
            }
        }
        System.err.println("neo4j: Bolt did not accept connections on 127.0.0.1:" + port + " within " + limit.toSeconds() + "s");
        System.exit(1);
    }

    private static String required(String name) {
        String v = System.getenv(name);
        if (v == null || v.isBlank()) {
            System.err.println("neo4j: " + name + " is not set; start the embedded database through Node (npm start or npm run neo4j), which sets it");
            System.exit(2);
        }
        return v.trim();
    }

    private static String readPassword(String file) {
        try {
            String p = Files.readString(Path.of(file), StandardCharsets.UTF_8).trim();
            if (p.length() < 8) {
                System.err.println("neo4j: the password in " + file + " is shorter than 8 characters; delete the file to have a new one made");
                System.exit(2);
            }
            return p;
        } catch (java.io.IOException e) {
            System.err.println("neo4j: cannot read the password file " + file + ": " + e.getMessage());
            System.exit(2);
            return "";
        }
    }

    private static int parsePort(String raw) {
        try {
            int p = Integer.parseInt(raw);
            if (p > 0 && p < 65536) return p;
        } catch (NumberFormatException ignored) {
            // fall through to the message below
        }
        System.err.println("neo4j: NEO4J_BOLT_PORT must be a port number from 1 to 65535, got '" + raw + "'");
        System.exit(2);
        return -1;
    }

    private static Duration parseDuration(String raw) {
        String s = raw.toLowerCase();
        try {
            if (s.endsWith("ms")) return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
            if (s.endsWith("s")) return Duration.ofSeconds(Long.parseLong(s.substring(0, s.length() - 1)));
            if (s.endsWith("m")) return Duration.ofMinutes(Long.parseLong(s.substring(0, s.length() - 1)));
            return Duration.ofSeconds(Long.parseLong(s));
        } catch (NumberFormatException e) {
            System.err.println("neo4j: NEO4J_TX_TIMEOUT must look like 30s, 500ms or 2m, got '" + raw + "'");
            System.exit(2);
            return Duration.ZERO;
        }
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) t = t.getCause();
        return t.getMessage();
    }
}
