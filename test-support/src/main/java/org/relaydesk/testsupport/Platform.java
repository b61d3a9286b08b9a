package org.relaydesk.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The seven RelayDesk services as a user runs them: started once per test JVM through the
 * project's own script ({@code ./relaydesk services up}), from the jars this build produced.
 */
public final class Platform {

    /** Service name and port, as in the README's port table. */
    public record Service(String name, int port) {
        public String baseUrl() {
            return "http://127.0.0.1:" + port;
        }
    }

    public static final Service TICKET = new Service("ticket-service", 8081);
    public static final Service MAIL_GATEWAY = new Service("mail-gateway-service", 8082);
    public static final Service ESCALATION = new Service("escalation-service", 8083);
    public static final Service SEARCH = new Service("search-service", 8084);
    public static final Service FAQ = new Service("faq-service", 8085);
    public static final Service NOTIFICATION = new Service("notification-service", 8086);
    public static final Service GATEWAY = new Service("api-gateway", 8080);
    public static final List<Service> ALL = List.of(TICKET, MAIL_GATEWAY, ESCALATION, SEARCH, FAQ, NOTIFICATION, GATEWAY);

    private static boolean started;

    private Platform() {
    }

    /** Starts the services unless this JVM already did; fails with the script's output if it cannot. */
    public static synchronized void ensureUp() {
        if (started) {
            return;
        }
        run(Duration.ofMinutes(8), "services", "up");
        started = true;
    }

    /** Runs {@code ./relaydesk <args>} from the repository root and returns its output. */
    public static String run(Duration timeout, String... args) {
        Path repo = LocalStack.repo();
        Path script = repo.resolve("relaydesk");
        if (!Files.isExecutable(script)) {
            throw new IllegalStateException("platform script not found at " + script);
        }
        try {
            Path out = Files.createTempFile("relaydesk-", ".log");
            String[] command = new String[args.length + 1];
            command[0] = script.toString();
            System.arraycopy(args, 0, command, 1, args.length);
            Process process = new ProcessBuilder(command)
                    .directory(repo.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("./relaydesk " + String.join(" ", args) + " timed out:\n" + Files.readString(out));
            }
            String output = Files.readString(out);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("./relaydesk " + String.join(" ", args) + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
