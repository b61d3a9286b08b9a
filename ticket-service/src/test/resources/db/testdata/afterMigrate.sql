-- Test runs share the real ticket.events topic with other runs and services: start ticket ids at a
-- random offset so that a test's TopicRecorder filter on the ticket id (the record key) is unique.
select setval('ticket_id_seq', (floor(random() * 1000000000) + 1000000)::bigint);
