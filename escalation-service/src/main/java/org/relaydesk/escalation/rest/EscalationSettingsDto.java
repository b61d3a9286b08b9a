package org.relaydesk.escalation.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;

/**
 * Escalation settings of a queue or an SLA (SPEC A1, F2, D, K1). Budgets in minutes (0 or absent
 * disables the clock), notify-before percentages 0..100 (0 = no warning), calendar id (absent: the
 * queue's, then the default calendar, A3). {@code suspendStateTypes}, {@code suspendStateNames} and
 * {@code updateMode} override the service-wide defaults when present. {@code unlockTimeoutMinutes}
 * (business minutes, 0 = off) exists for queues only. {@code version} guards against lost updates.
 */
public record EscalationSettingsDto(
        String scope,
        String id,
        String calendarId,
        @Min(0) Integer firstResponseMinutes,
        @Min(0) Integer updateMinutes,
        @Min(0) Integer solutionMinutes,
        @Min(0) @Max(100) Integer firstResponseNotifyPercent,
        @Min(0) @Max(100) Integer updateNotifyPercent,
        @Min(0) @Max(100) Integer solutionNotifyPercent,
        @Min(0) Integer unlockTimeoutMinutes,
        List<String> suspendStateTypes,
        List<String> suspendStateNames,
        String updateMode,
        Long version) {
}
