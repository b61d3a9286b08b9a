package org.relaydesk.escalation.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.relaydesk.escalation.calendar.BusinessCalendar;
import org.relaydesk.escalation.clock.ArticleChannel;
import org.relaydesk.escalation.clock.EscalationSettings;
import org.relaydesk.escalation.clock.SenderType;
import org.relaydesk.escalation.clock.SettingsSource;
import org.relaydesk.escalation.clock.StateType;
import org.relaydesk.escalation.clock.TicketTimeline;

/**
 * The worked cases of {@code shared/escalation/cases.json} (SPEC section 6 "Fixtures"), read into
 * calendars, settings and ticket timelines.
 *
 * <p>The file is found, in this order, through the system property {@code relaydesk.escalation.cases},
 * next to the repository root that surefire passes as {@code relaydesk.repo}
 * ({@code <repo>/../shared/escalation/cases.json}), or by walking up from the working directory until
 * a directory holds {@code shared/escalation/cases.json}.
 */
public final class EscalationCases {

    public static final String RELATIVE_PATH = "shared/escalation/cases.json";

    private static EscalationCases instance;

    private final Path path;
    private final JsonNode root;
    private final Map<String, BusinessCalendar> calendars = new LinkedHashMap<>();
    private final Map<String, Case> cases = new LinkedHashMap<>();

    private EscalationCases(Path path) {
        this.path = path;
        try {
            this.root = new ObjectMapper().readTree(path.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
        root.get("calendars").fields().forEachRemaining(e -> calendars.put(e.getKey(), calendar(e.getKey(), e.getValue())));
        for (JsonNode c : root.get("cases")) {
            Case parsed = parseCase(c);
            cases.put(parsed.id(), parsed);
        }
    }

    public static synchronized EscalationCases load() {
        if (instance == null) {
            instance = new EscalationCases(locate());
        }
        return instance;
    }

    static Path locate() {
        List<Path> tried = new ArrayList<>();
        String explicit = System.getProperty("relaydesk.escalation.cases");
        if (explicit != null && !explicit.isBlank()) {
            Path p = Path.of(explicit);
            if (Files.isRegularFile(p)) {
                return p;
            }
            tried.add(p);
        }
        String repo = System.getProperty("relaydesk.repo");
        if (repo != null && !repo.isBlank()) {
            Path p = Path.of(repo).toAbsolutePath().normalize().resolveSibling(RELATIVE_PATH);
            if (Files.isRegularFile(p)) {
                return p;
            }
            tried.add(p);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path p = dir.resolve(RELATIVE_PATH);
            if (Files.isRegularFile(p)) {
                return p;
            }
            tried.add(p);
        }
        throw new IllegalStateException("cases.json not found; set -Drelaydesk.escalation.cases=/path/to/cases.json. Tried: "
                + tried);
    }

    public Path path() {
        return path;
    }

    public JsonNode root() {
        return root;
    }

    public Map<String, BusinessCalendar> calendars() {
        return calendars;
    }

    public BusinessCalendar calendar(String id) {
        BusinessCalendar c = calendars.get(id);
        if (c == null) {
            throw new IllegalArgumentException("no calendar " + id + " in " + path);
        }
        return c;
    }

    public Map<String, Case> cases() {
        return cases;
    }

    public Case caseById(String id) {
        Case c = cases.get(id);
        if (c == null) {
            throw new IllegalArgumentException("no case " + id + " in " + path);
        }
        return c;
    }

    // ---------------------------------------------------------------- model

    /** A check: at {@code now}, in {@code mode}, {@code field} has {@code expected} (JSON null, text or boolean). */
    public record Check(String caseId, int index, Instant now, String nowText, String mode, String field,
            JsonNode expected) {
    }

    /** A case: its settings as a {@link SettingsSource}, its timeline and its checks. */
    public record Case(String id, String title, String calendarField, SettingsSource settings, TicketTimeline timeline,
            List<Check> checks, String note) {
    }

    // ---------------------------------------------------------------- parsing

    private static final Map<String, DayOfWeek> DAYS = Map.of(
            "Mon", DayOfWeek.MONDAY, "Tue", DayOfWeek.TUESDAY, "Wed", DayOfWeek.WEDNESDAY,
            "Thu", DayOfWeek.THURSDAY, "Fri", DayOfWeek.FRIDAY, "Sat", DayOfWeek.SATURDAY, "Sun", DayOfWeek.SUNDAY);

    private static BusinessCalendar calendar(String id, JsonNode node) {
        BusinessCalendar.Builder b = BusinessCalendar.builder(id, ZoneId.of(node.get("tz").asText()));
        Iterator<Map.Entry<String, JsonNode>> days = node.get("week").fields();
        while (days.hasNext()) {
            Map.Entry<String, JsonNode> day = days.next();
            DayOfWeek dow = DAYS.get(day.getKey());
            if (dow == null) {
                throw new IllegalArgumentException("calendar " + id + ": unknown weekday " + day.getKey());
            }
            for (JsonNode w : day.getValue()) {
                b.window(dow, w.get(0).asText(), w.get(1).asText());
            }
        }
        node.path("yearly_holidays").forEach(h -> b.yearlyHoliday(h.asText()));
        node.path("one_time_holidays").forEach(h -> b.oneTimeHoliday(h.asText()));
        return b.build();
    }

    public static Instant instant(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }

    /** Default OTRS state names mapped onto their types. */
    public static StateType stateType(String stateName) {
        String n = stateName.trim().toLowerCase(Locale.ROOT);
        if (n.startsWith("closed")) {
            return StateType.CLOSED;
        }
        if (n.startsWith("pending auto")) {
            return StateType.PENDING_AUTO;
        }
        return switch (n) {
            case "new" -> StateType.NEW;
            case "open" -> StateType.OPEN;
            case "pending reminder" -> StateType.PENDING_REMINDER;
            case "merged" -> StateType.MERGED;
            case "removed" -> StateType.REMOVED;
            default -> throw new IllegalArgumentException("unknown state name: " + stateName);
        };
    }

    private static SenderType sender(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "agent" -> SenderType.AGENT;
            case "customer" -> SenderType.CUSTOMER;
            case "system" -> SenderType.SYSTEM;
            default -> throw new IllegalArgumentException("unknown sender: " + s);
        };
    }

    private static Map<String, EscalationSettings> settingsMap(JsonNode node) {
        Map<String, EscalationSettings> out = new HashMap<>();
        node.fields().forEachRemaining(e -> {
            JsonNode s = e.getValue();
            out.put(e.getKey(), new EscalationSettings(
                    s.path("calendar").isNull() || s.path("calendar").asText().isEmpty() ? null : s.get("calendar").asText(),
                    s.path("frt").asInt(0), s.path("upd").asInt(0), s.path("sol").asInt(0),
                    s.path("frt_notify").asInt(0), s.path("upd_notify").asInt(0), s.path("sol_notify").asInt(0)));
        });
        return out;
    }

    private Case parseCase(JsonNode c) {
        String id = c.get("id").asText();
        Map<String, EscalationSettings> queues = settingsMap(c.path("settings"));
        Map<String, EscalationSettings> slas = settingsMap(c.path("slas"));
        String calendarField = c.path("calendar").asText();
        BusinessCalendar defaultCalendar = calendar(calendarField.split("/")[0]);
        SettingsSource source = new SettingsSource() {
            @Override
            public Optional<EscalationSettings> queueSettings(String queue) {
                return Optional.ofNullable(queues.get(queue));
            }

            @Override
            public Optional<EscalationSettings> slaSettings(String sla) {
                return Optional.ofNullable(slas.get(sla));
            }

            @Override
            public BusinessCalendar calendar(String calendarId) {
                return EscalationCases.this.calendar(calendarId);
            }

            @Override
            public BusinessCalendar defaultCalendar() {
                return defaultCalendar;
            }
        };

        TicketTimeline.Builder timeline = null;
        for (JsonNode e : c.get("events")) {
            Instant at = instant(e.get("at").asText());
            String kind = e.get("kind").asText();
            String value = e.path("value").asText();
            if (kind.equals("create")) {
                if (timeline != null) {
                    throw new IllegalArgumentException(id + ": second create event");
                }
                timeline = TicketTimeline.builder(at, value);
                if (!e.path("sender").asText().isEmpty()) {
                    timeline.article(at, sender(e.get("sender").asText()), e.path("visible").asBoolean(true),
                            ArticleChannel.fromWire(e.path("channel").asText()));
                }
                continue;
            }
            if (timeline == null) {
                throw new IllegalArgumentException(id + ": event before create: " + e);
            }
            switch (kind) {
                case "article" -> timeline.article(at, sender(e.get("sender").asText()), e.path("visible").asBoolean(),
                        ArticleChannel.fromWire(e.path("channel").asText()));
                case "state" -> timeline.state(at, value, stateType(value));
                case "queue" -> timeline.move(at, value);
                case "sla" -> timeline.sla(at, value.isEmpty() ? null : value);
                default -> throw new IllegalArgumentException(id + ": unknown event kind " + kind);
            }
        }
        if (timeline == null) {
            throw new IllegalArgumentException(id + ": no create event");
        }
        List<Check> checks = new ArrayList<>();
        int index = 0;
        for (JsonNode ch : c.get("checks")) {
            String nowText = ch.get("now").asText();
            checks.add(new Check(id, index++, instant(nowText), nowText, ch.get("mode").asText(),
                    ch.get("field").asText(), ch.get("expected")));
        }
        return new Case(id, c.path("title").asText(), calendarField, source, timeline.build(), checks,
                c.path("note").asText());
    }
}
