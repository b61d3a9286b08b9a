package org.relaydesk.ticket.rest;

import jakarta.ws.rs.core.EntityTag;
import org.relaydesk.ticket.service.ProblemException;

/** A ticket's ETag is its version; writers send it back in If-Match (412 when stale). */
final class ETags {

    private ETags() {
    }

    static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version an If-Match header asks for, or null for none or {@code *}. */
    static Long expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String v = ifMatch.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("If-Match", "must be an ETag returned by this API, like \"3\"");
        }
    }
}
