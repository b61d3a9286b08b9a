package org.relaydesk.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;

/**
 * Where the local stack started by {@code deploy/local/stack.sh} listens. Tests never start
 * infrastructure themselves: the README's test command brings the stack up once per run.
 */
public final class LocalStack {

    public static final String KAFKA_BOOTSTRAP = prop("relaydesk.kafka", "127.0.0.1:9092");
    public static final String ELASTICSEARCH = prop("relaydesk.elasticsearch", "http://127.0.0.1:9200");
    public static final String KEYCLOAK = prop("relaydesk.keycloak", "http://127.0.0.1:8180");
    public static final String REALM = "relaydesk";
    public static final String SMTP_HOST = "127.0.0.1";
    public static final int SMTP_PORT = 3025;
    public static final int IMAP_PORT = 3143;
    public static final String POSTGRES_HOST = "127.0.0.1";
    public static final int POSTGRES_PORT = 5432;

    private LocalStack() {
    }

    /** The stack's home directory (data, logs, pid files). */
    public static Path home() {
        String home = System.getProperty("relaydesk.home", System.getenv("RELAYDESK_HOME"));
        return Path.of(home != null ? home : System.getProperty("user.home") + "/.relaydesk");
    }

    /** The repository root, for tests that drive the project's own scripts. */
    public static Path repo() {
        String repo = System.getProperty("relaydesk.repo");
        return Path.of(repo != null ? repo : "..").toAbsolutePath().normalize();
    }

    public static String realmUrl() {
        return KEYCLOAK + "/realms/" + REALM;
    }

    /** Whether something accepts TCP connections on 127.0.0.1:port. */
    public static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String prop(String name, String fallback) {
        return System.getProperty(name, fallback);
    }
}
