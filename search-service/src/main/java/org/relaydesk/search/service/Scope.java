package org.relaydesk.search.service;

import java.util.Set;

/**
 * What a caller may see: everything (admin), the tickets of some queues (agents, by group), or
 * their own tickets without internal articles (customers).
 *
 * @param username    the caller's login
 * @param all         sees every queue
 * @param queueIds    readable queues when not {@code all}
 * @param customer    a customer: own tickets only, customer-visible articles only
 * @param customerIds the logins (user name and e-mail) a customer's tickets carry
 */
public record Scope(String username, boolean all, Set<Long> queueIds, boolean customer, Set<String> customerIds) {
}
