package org.relaydesk.escalation.calendar;

/**
 * Business-time arithmetic walked past its horizon without finding enough business time
 * (SPEC B5: "guard the loop with a horizon ... fail loudly"). Usually a calendar whose windows
 * all fall on holidays, or a budget of decades.
 */
public class BusinessTimeHorizonException extends IllegalStateException {

    public BusinessTimeHorizonException(String message) {
        super(message);
    }
}
