package org.relaydesk.escalation.clock;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import org.relaydesk.escalation.calendar.BusinessCalendar;
import org.relaydesk.escalation.calendar.Suspensions;
import org.relaydesk.escalation.clock.SettingsSource.ResolvedSettings;
import org.relaydesk.escalation.clock.TicketTimeline.ArticleAdded;
import org.relaydesk.escalation.clock.TicketTimeline.Change;
import org.relaydesk.escalation.clock.TicketTimeline.SlaChanged;
import org.relaydesk.escalation.clock.TicketTimeline.StateChanged;
import org.relaydesk.escalation.clock.TicketTimeline.TicketMoved;

/**
 * Computes the clocks of one ticket from its timeline, as of an instant (SPEC C–G, L).
 *
 * <p>A pure function: only changes at or before {@code now} count, the settings are those of the
 * ticket's queue and SLA at {@code now} (A2/A3), and every clock counts from its original anchor
 * with those settings (G2), skipping the suspension intervals derived from the state history (F2).
 * Recomputing after any relevant event or settings change is calling this again.
 */
public final class ClockCalculator {

    private final SettingsSource settings;
    private final ClockPolicy policy;

    public ClockCalculator(SettingsSource settings, ClockPolicy policy) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public ClockCalculator(SettingsSource settings) {
        this(settings, ClockPolicy.DEFAULT);
    }

    public ClockPolicy policy() {
        return policy;
    }

    /** The clocks of the ticket as of {@code now}. */
    public TicketClocks compute(TicketTimeline timeline, Instant now) {
        Facts facts = scan(timeline, now);
        ResolvedSettings resolved = settings.resolve(facts.queue, facts.sla);
        EscalationSettings s = resolved.settings();
        BusinessCalendar calendar = resolved.calendar();
        Suspensions suspensions = facts.suspensions;
        Instant created = timeline.createdAt();

        ClockResult firstResponse = evaluate(ClockKind.FIRST_RESPONSE, created, s, calendar, suspensions, now,
                facts.firstResponseAt, facts.terminalSince);
        Instant solutionMet = facts.firstCloseAt;
        ClockResult solution = evaluate(ClockKind.SOLUTION, created, s, calendar, suspensions, now,
                solutionMet, solutionMet == null ? facts.terminalSince : null);
        ClockResult update = updateClock(timeline, facts, s, calendar, now);

        boolean closed = facts.terminalSince != null;
        boolean paused = !closed && facts.suspendedSince != null;
        Instant escalationAt = null;
        if (!closed && !paused) {
            for (ClockResult c : new ClockResult[] {firstResponse, update, solution}) {
                if (c.isCounting() && (escalationAt == null || c.dueAt().isBefore(escalationAt))) {
                    escalationAt = c.dueAt();
                }
            }
        }
        return new TicketClocks(now, firstResponse, update, solution, escalationAt, paused, closed, calendar.id());
    }

    // ------------------------------------------------------------------------------ timeline scan

    /** What the clocks need from the timeline up to now. */
    private static final class Facts {
        String queue;
        String sla;
        String stateName;
        StateType stateType;
        Instant suspendedSince;
        Instant terminalSince;
        Instant firstResponseAt;
        Instant firstCloseAt;
        Suspensions suspensions;
        /** Counted contacts (D1) in order: epoch millis and whether from an agent. */
        long[] contactAt = new long[8];
        boolean[] contactFromAgent = new boolean[8];
        int contacts;

        void addContact(Instant at, boolean agent) {
            if (contacts == contactAt.length) {
                contactAt = Arrays.copyOf(contactAt, contacts * 2);
                contactFromAgent = Arrays.copyOf(contactFromAgent, contacts * 2);
            }
            contactAt[contacts] = at.toEpochMilli();
            contactFromAgent[contacts] = agent;
            contacts++;
        }
    }

    private Facts scan(TicketTimeline timeline, Instant now) {
        Facts f = new Facts();
        Instant created = timeline.createdAt();
        f.queue = timeline.initialQueue();
        f.sla = timeline.initialSla();
        f.stateName = timeline.initialStateName();
        f.stateType = timeline.initialStateType();
        Suspensions.Builder suspensions = Suspensions.builder();
        if (policy.suspends(f.stateName, f.stateType)) {
            f.suspendedSince = created;
        }
        if (f.stateType.isTerminal()) {
            f.terminalSince = created;
        }
        if (f.stateType == StateType.CLOSED) {
            f.firstCloseAt = created;
        }
        for (Change change : timeline.changes()) {
            Instant at = change.at();
            if (at.isAfter(now)) {
                break;
            }
            if (change instanceof ArticleAdded a) {
                if (a.isContact()) {
                    f.addContact(at, a.sender() == SenderType.AGENT);
                }
                if (f.firstResponseAt == null && a.sender() == SenderType.AGENT && a.visibleForCustomer()
                        && policy.responseChannels().contains(a.channel())) {
                    f.firstResponseAt = at; // C2
                }
            } else if (change instanceof StateChanged sc) {
                boolean suspend = policy.suspends(sc.stateName(), sc.stateType());
                if (f.suspendedSince != null && !suspend) {
                    suspensions.add(f.suspendedSince, at);
                    f.suspendedSince = null;
                } else if (f.suspendedSince == null && suspend) {
                    f.suspendedSince = at;
                }
                boolean terminal = sc.stateType().isTerminal();
                if (f.terminalSince != null && !terminal) {
                    f.terminalSince = null; // reopen (F7)
                } else if (f.terminalSince == null && terminal) {
                    f.terminalSince = at;
                }
                if (sc.stateType() == StateType.CLOSED && f.firstCloseAt == null) {
                    f.firstCloseAt = at; // E2
                }
                f.stateName = sc.stateName();
                f.stateType = sc.stateType();
            } else if (change instanceof TicketMoved m) {
                f.queue = m.queue();
            } else if (change instanceof SlaChanged sl) {
                f.sla = sl.sla();
            }
        }
        if (f.suspendedSince != null) {
            suspensions.addOpen(f.suspendedSince);
        }
        f.suspensions = suspensions.build();
        return f;
    }

    // ------------------------------------------------------------------------------ clocks

    /**
     * Evaluates a clock that counts from {@code anchor}.
     *
     * @param metAt          when the clock was met, else null
     * @param cancelledSince when the ticket entered the terminal state it is in now, if the clock is not met
     */
    private ClockResult evaluate(ClockKind kind, Instant anchor, EscalationSettings s, BusinessCalendar calendar,
            Suspensions suspensions, Instant now, Instant metAt, Instant cancelledSince) {
        int budgetMinutes = s.budgetMinutes(kind);
        if (budgetMinutes <= 0) {
            return ClockResult.notConfigured(kind, budgetMinutes, calendar.id());
        }
        long budgetMillis = budgetMinutes * 60_000L;
        Instant due = calendar.addMillis(anchor, budgetMillis, suspensions);
        if (metAt != null) {
            long consumed = calendar.between(anchor, metAt, suspensions).toMillis();
            Instant breachedAt = due != null && !due.isAfter(metAt) ? due : null;
            return new ClockResult(kind, ClockState.MET, anchor, budgetMinutes, calendar.id(), null, null,
                    (budgetMillis - consumed) / 1000, breachedAt, metAt, consumed / 60_000);
        }
        if (cancelledSince != null) {
            long consumed = calendar.between(anchor, cancelledSince, suspensions).toMillis();
            Instant breachedAt = due != null && !due.isAfter(cancelledSince) ? due : null;
            return new ClockResult(kind, ClockState.CANCELLED_CLOSED, anchor, budgetMinutes, calendar.id(), null,
                    null, (budgetMillis - consumed) / 1000, breachedAt, null, null);
        }
        long remaining = (budgetMillis - calendar.between(anchor, now, suspensions).toMillis()) / 1000;
        if (due == null) {
            // suspended now, budget not used up before the suspension began (F3)
            return new ClockResult(kind, ClockState.PAUSED, anchor, budgetMinutes, calendar.id(), null, null,
                    remaining, null, null, null);
        }
        int pct = s.notifyPercent(kind);
        Instant warnAt = pct > 0 ? calendar.addMillis(anchor, budgetMillis * pct / 100, suspensions) : null;
        if (!now.isBefore(due)) {
            // H1; also when suspended now, if the budget ran out before the suspension (F5)
            return new ClockResult(kind, ClockState.BREACHED, anchor, budgetMinutes, calendar.id(), due, warnAt,
                    remaining, due, null, null);
        }
        return new ClockResult(kind, ClockState.RUNNING, anchor, budgetMinutes, calendar.id(), due, warnAt,
                remaining, null, null, null);
    }

    /** The update clock (D). */
    private ClockResult updateClock(TicketTimeline timeline, Facts f, EscalationSettings s, BusinessCalendar calendar,
            Instant now) {
        ClockKind kind = ClockKind.UPDATE;
        int budgetMinutes = s.updateMinutes();
        if (budgetMinutes <= 0) {
            return ClockResult.notConfigured(kind, budgetMinutes, calendar.id());
        }
        // D3: armed only after the first response, when there is a first-response budget
        if (!policy.updateArmedFromCreation() && s.firstResponseMinutes() > 0 && f.firstResponseAt == null) {
            return ClockResult.notConfigured(kind, budgetMinutes, calendar.id());
        }
        Instant anchor;
        Instant metAt = null;
        int lastAgent = -1;
        for (int i = f.contacts - 1; i >= 0; i--) {
            if (f.contactFromAgent[i]) {
                lastAgent = i;
                break;
            }
        }
        switch (policy.updateMode()) {
            case AWAITING_AGENT -> {
                if (lastAgent < f.contacts - 1) {
                    anchor = Instant.ofEpochMilli(f.contactAt[lastAgent + 1]); // oldest unanswered customer contact
                } else if (lastAgent >= 0) {
                    // nothing awaited: the last customer run was answered by the first agent contact after it
                    int answer = lastAgent;
                    while (answer > 0 && f.contactFromAgent[answer - 1]) {
                        answer--;
                    }
                    if (answer == 0) {
                        return ClockResult.notConfigured(kind, budgetMinutes, calendar.id()); // no customer contact yet
                    }
                    int runStart = answer - 1;
                    while (runStart > 0 && !f.contactFromAgent[runStart - 1]) {
                        runStart--;
                    }
                    anchor = Instant.ofEpochMilli(f.contactAt[runStart]);
                    metAt = Instant.ofEpochMilli(f.contactAt[answer]);
                } else {
                    return ClockResult.notConfigured(kind, budgetMinutes, calendar.id()); // no contact at all
                }
            }
            case OTRS_LAST_CONTACT -> {
                if (f.contacts == 0) {
                    anchor = timeline.createdAt();
                } else if (lastAgent == f.contacts - 1) {
                    anchor = Instant.ofEpochMilli(f.contactAt[lastAgent]);
                } else {
                    anchor = Instant.ofEpochMilli(f.contactAt[lastAgent + 1]);
                }
            }
            case AGENT_CADENCE -> anchor = lastAgent >= 0 ? Instant.ofEpochMilli(f.contactAt[lastAgent])
                    : timeline.createdAt();
            default -> throw new IllegalStateException("unknown update mode " + policy.updateMode());
        }
        if (f.terminalSince == null && policy.blankUpdateWhilePending() && f.stateType.isPending()) {
            long remaining = (budgetMinutes * 60_000L
                    - calendar.between(anchor, now, f.suspensions).toMillis()) / 1000;
            return new ClockResult(kind, ClockState.PAUSED, anchor, budgetMinutes, calendar.id(), null, null,
                    remaining, null, null, null);
        }
        return evaluate(kind, anchor, s, calendar, f.suspensions, now, metAt,
                metAt == null ? f.terminalSince : null);
    }
}
