-- One database and user per service (the same layout deploy/local/stack.sh creates).
create user relaydesk_ticket password 'relaydesk';
create database relaydesk_ticket owner relaydesk_ticket;
create user relaydesk_mailgw password 'relaydesk';
create database relaydesk_mailgw owner relaydesk_mailgw;
create user relaydesk_escalation password 'relaydesk';
create database relaydesk_escalation owner relaydesk_escalation;
create user relaydesk_search password 'relaydesk';
create database relaydesk_search owner relaydesk_search;
create user relaydesk_faq password 'relaydesk';
create database relaydesk_faq owner relaydesk_faq;
create user relaydesk_notification password 'relaydesk';
create database relaydesk_notification owner relaydesk_notification;
