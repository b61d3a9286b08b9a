-- What the agent may read, as of their last call to this service (token claims), so that queue
-- notifications go only to followers who may read the queue (QueueReaders).
-- keycloak_groups: JSON array of the token's "groups" claim (group names); null = not known yet.
-- admin: the token had the admin role (admins read every queue, as in ticket-service).
alter table agent_preference add column keycloak_groups text;
alter table agent_preference add column admin boolean not null default false;
