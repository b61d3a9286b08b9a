package org.relaydesk.escalation.clock;

/**
 * Escalation settings of a queue or an SLA (SPEC A1): three budgets in minutes (0 disables the
 * clock), three notify-before percentages (0 = no warning) and a calendar (null = fall through, A3).
 */
public record EscalationSettings(
        String calendarId,
        int firstResponseMinutes,
        int updateMinutes,
        int solutionMinutes,
        int firstResponseNotifyPercent,
        int updateNotifyPercent,
        int solutionNotifyPercent) {

    public static final EscalationSettings NONE = new EscalationSettings(null, 0, 0, 0, 0, 0, 0);

    public EscalationSettings {
        requireRange("first response minutes", firstResponseMinutes, 0, Integer.MAX_VALUE);
        requireRange("update minutes", updateMinutes, 0, Integer.MAX_VALUE);
        requireRange("solution minutes", solutionMinutes, 0, Integer.MAX_VALUE);
        requireRange("first response notify %", firstResponseNotifyPercent, 0, 100);
        requireRange("update notify %", updateNotifyPercent, 0, 100);
        requireRange("solution notify %", solutionNotifyPercent, 0, 100);
    }

    private static void requireRange(String what, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " must lie in " + min + ".." + max + ": " + value);
        }
    }

    public int budgetMinutes(ClockKind kind) {
        return switch (kind) {
            case FIRST_RESPONSE -> firstResponseMinutes;
            case UPDATE -> updateMinutes;
            case SOLUTION -> solutionMinutes;
        };
    }

    public int notifyPercent(ClockKind kind) {
        return switch (kind) {
            case FIRST_RESPONSE -> firstResponseNotifyPercent;
            case UPDATE -> updateNotifyPercent;
            case SOLUTION -> solutionNotifyPercent;
        };
    }
}
