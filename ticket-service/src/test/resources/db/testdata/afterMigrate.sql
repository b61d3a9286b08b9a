-- Test runs share the real ticket.events topic with other runs and services: start ticket ids at a
-- random offset so that a test's TopicRecorder filter on the ticket id (the record key) is unique.
select setval('ticket_id_seq', (floor(random() * 1000000000) + 1000000)::bigint);

-- The demo customers of the local realm as customer users (the portal would create them on first use).
insert into customer (customer_id, name) values ('example.com', 'Example Corp'), ('example.org', 'Example Org')
    on conflict do nothing;
insert into customer_user (login, email, first_name, last_name, customer_id) values
    ('customer1', 'customer1@example.com', 'Chris', 'Customer', 'example.com'),
    ('customer2', 'customer2@example.com', 'Dana', 'Customer', 'example.com'),
    ('customer3', 'customer3@example.org', 'Eve', 'Customer', 'example.org')
    on conflict do nothing;
