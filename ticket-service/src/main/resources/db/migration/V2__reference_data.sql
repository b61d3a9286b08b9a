-- Reference data an admin maintains: states, priorities, types, groups and their permissions,
-- system addresses, salutations, signatures, queues, templates, auto responses, customers,
-- customer users, services, SLAs and dynamic field definitions. Seeded with the OTRS defaults.

create table ticket_state (
    id          serial       primary key,
    name        varchar(100) not null unique,
    state_type  varchar(32)  not null check (state_type in ('new', 'open', 'pending reminder',
                    'pending auto close+', 'pending auto close-', 'closed successful',
                    'closed unsuccessful', 'merged', 'removed')),
    comment     text,
    valid       boolean      not null default true
);

create table priority (
    id     int          primary key check (id between 1 and 5),
    name   varchar(100) not null unique,
    valid  boolean      not null default true
);

create table ticket_type (
    id     serial       primary key,
    name   varchar(100) not null unique,
    valid  boolean      not null default true
);

-- A RelayDesk group owns queues; agents reach it through their Keycloak groups.
create table agent_group (
    id       serial       primary key,
    name     varchar(100) not null unique,
    comment  text,
    valid    boolean      not null default true
);

-- What members of a Keycloak group may do in the queues of a RelayDesk group. rw implies all.
create table group_permission (
    id              bigserial    primary key,
    group_id        int          not null references agent_group (id) on delete cascade,
    keycloak_group  varchar(100) not null,
    permission      varchar(16)  not null check (permission in ('ro', 'move_into', 'create', 'note',
                        'owner', 'priority', 'rw')),
    unique (group_id, keycloak_group, permission)
);
create index group_permission_kc on group_permission (keycloak_group);

create table salutation (
    id       serial       primary key,
    name     varchar(200) not null unique,
    body     text         not null,
    comment  text,
    valid    boolean      not null default true
);

create table signature (
    id       serial       primary key,
    name     varchar(200) not null unique,
    body     text         not null,
    comment  text,
    valid    boolean      not null default true
);

create table system_address (
    id            serial       primary key,
    email         varchar(200) not null unique,
    display_name  varchar(200) not null,
    queue_id      int,
    comment       text,
    valid         boolean      not null default true
);

create table queue (
    id                      serial       primary key,
    name                    varchar(200) not null unique,
    group_id                int          not null references agent_group (id),
    system_address_id       int          references system_address (id),
    salutation_id           int          references salutation (id),
    signature_id            int          references signature (id),
    follow_up_policy        varchar(16)  not null default 'reopen'
                                check (follow_up_policy in ('reopen', 'new_ticket', 'reject')),
    unlock_timeout_minutes  int          not null default 0 check (unlock_timeout_minutes >= 0),
    calendar_name           varchar(100),
    comment                 text,
    valid                   boolean      not null default true
);
alter table system_address add constraint system_address_queue_fk foreign key (queue_id) references queue (id);

create table template (
    id             serial       primary key,
    name           varchar(200) not null unique,
    template_type  varchar(16)  not null default 'answer'
                       check (template_type in ('answer', 'create', 'forward', 'note', 'phone')),
    subject        varchar(250),
    body           text         not null,
    comment        text,
    valid          boolean      not null default true
);

create table queue_template (
    id           bigserial primary key,
    queue_id     int       not null references queue (id) on delete cascade,
    template_id  int       not null references template (id) on delete cascade,
    unique (queue_id, template_id)
);

create table auto_response (
    id                 serial       primary key,
    name               varchar(200) not null unique,
    response_type      varchar(16)  not null check (response_type in ('new_ticket', 'follow_up', 'reject')),
    subject            varchar(250) not null,
    body               text         not null,
    system_address_id  int          references system_address (id),
    comment            text,
    valid              boolean      not null default true
);

create table queue_auto_response (
    id                bigserial   primary key,
    queue_id          int         not null references queue (id) on delete cascade,
    response_type     varchar(16) not null,
    auto_response_id  int         not null references auto_response (id) on delete cascade,
    unique (queue_id, response_type)
);

create table customer (
    customer_id  varchar(150) primary key,
    name         varchar(200) not null,
    street       varchar(200),
    zip          varchar(50),
    city         varchar(200),
    country      varchar(100),
    url          varchar(300),
    comment      text,
    valid        varchar(24)  not null default 'valid'
                     check (valid in ('valid', 'invalid', 'invalid-temporarily')),
    created_at   timestamptz  not null default now(),
    changed_at   timestamptz  not null default now()
);

create table customer_user (
    login        varchar(150) primary key,
    email        varchar(250) not null,
    first_name   varchar(100),
    last_name    varchar(100),
    customer_id  varchar(150),
    phone        varchar(100),
    comment      text,
    valid        boolean      not null default true,
    created_at   timestamptz  not null default now(),
    changed_at   timestamptz  not null default now()
);
create unique index customer_user_email on customer_user (lower(email));
create index customer_user_customer on customer_user (customer_id);

create table support_service (
    id       serial       primary key,
    name     varchar(200) not null unique,
    comment  text,
    valid    boolean      not null default true
);

-- Empty for a service means: offered to every customer.
create table service_customer (
    id           bigserial    primary key,
    service_id   int          not null references support_service (id) on delete cascade,
    customer_id  varchar(150) not null,
    unique (service_id, customer_id)
);

create table sla (
    id          serial       primary key,
    name        varchar(200) not null unique,
    service_id  int          not null references support_service (id),
    comment     text,
    valid       boolean      not null default true
);

create table dynamic_field (
    id          serial       primary key,
    name        varchar(100) not null unique,
    label       varchar(200) not null,
    field_type  varchar(16)  not null check (field_type in ('text', 'textarea', 'dropdown', 'multiselect',
                    'date', 'checkbox')),
    -- JSON array of the allowed values (dropdown, multiselect)
    options     text         not null default '[]',
    valid       boolean      not null default true
);

-- Seeds: the OTRS defaults plus the demo groups and queues of the local realm.
insert into ticket_state (name, state_type, comment) values
    ('new', 'new', 'New ticket created by customer.'),
    ('open', 'open', 'Open tickets.'),
    ('pending reminder', 'pending reminder', 'Ticket is pending for agent reminder.'),
    ('pending auto close+', 'pending auto close+', 'Ticket is pending for automatic close.'),
    ('pending auto close-', 'pending auto close-', 'Ticket is pending for automatic close.'),
    ('closed successful', 'closed successful', 'Ticket is closed successful.'),
    ('closed unsuccessful', 'closed unsuccessful', 'Ticket is closed unsuccessful.'),
    ('merged', 'merged', 'State for merged tickets.'),
    ('removed', 'removed', 'Customer removed ticket.');

insert into priority (id, name) values
    (1, '1 very low'), (2, '2 low'), (3, '3 normal'), (4, '4 high'), (5, '5 very high');

insert into ticket_type (name) values ('Unclassified'), ('Incident'), ('Service Request'), ('Problem');

insert into agent_group (name, comment) values
    ('users', 'Group for default access.'),
    ('support-engineers', 'Second-level support.'),
    ('triage', 'First sorting of incoming tickets.');

insert into group_permission (group_id, keycloak_group, permission)
    select id, name, 'rw' from agent_group;

insert into salutation (name, body, comment) values
    ('system standard salutation (en)', E'Dear ${customer.firstName} ${customer.lastName},\n\n', 'Standard salutation.');

insert into signature (name, body, comment) values
    ('system standard signature (en)', E'\n\n--\n${agent.firstName} ${agent.lastName}\n${queue.name} - RelayDesk\n', 'Standard signature.');

insert into system_address (email, display_name, comment) values
    ('helpdesk@relaydesk.local', 'RelayDesk Help Desk', 'Default system address.');

-- One statement per queue so that the seeded ids are stable (1 Postmaster .. 6 Triage).
insert into queue (name, group_id, system_address_id, salutation_id, signature_id, comment)
    values ('Postmaster', (select id from agent_group where name = 'users'), 1, 1, 1, 'Postmaster queue.');
insert into queue (name, group_id, system_address_id, salutation_id, signature_id, comment)
    values ('Raw', (select id from agent_group where name = 'users'), 1, 1, 1, 'All default incoming tickets.');
insert into queue (name, group_id, system_address_id, salutation_id, signature_id, comment)
    values ('Junk', (select id from agent_group where name = 'users'), 1, 1, 1, 'All junk tickets.');
insert into queue (name, group_id, system_address_id, salutation_id, signature_id, comment)
    values ('Misc', (select id from agent_group where name = 'users'), 1, 1, 1, 'All misc tickets.');
insert into queue (name, group_id, system_address_id, salutation_id, signature_id, comment)
    values ('Support', (select id from agent_group where name = 'support-engineers'), 1, 1, 1, 'Demo: second-level support.');
insert into queue (name, group_id, system_address_id, salutation_id, signature_id, comment)
    values ('Triage', (select id from agent_group where name = 'triage'), 1, 1, 1, 'Demo: first sorting.');
update system_address set queue_id = (select id from queue where name = 'Raw');

insert into template (name, template_type, body, comment) values
    ('empty answer', 'answer', '', 'Empty answer.'),
    ('test answer', 'answer', E'Some test answer to show how a template can be used for ticket ${ticket.number}.\n', 'Demo answer.');
insert into queue_template (queue_id, template_id) select q.id, t.id from queue q cross join template t;

insert into auto_response (name, response_type, subject, body, system_address_id, comment) values
    ('default reply (after new ticket has been created)', 'new_ticket', 'RE: ${ticket.title}',
     E'This is an automatically generated reply.\n\nYour request has been received as ticket ${ticket.number} and will be handled soon.\n', 1, 'Auto reply on new tickets.'),
    ('default follow-up (after a ticket follow-up has been added)', 'follow_up', 'RE: ${ticket.title}',
     E'Thanks for your e-mail. It has been added to ticket ${ticket.number}.\n', 1, 'Auto reply on follow-ups.'),
    ('default reject (after follow-up and rejected of a closed ticket)', 'reject', 'Your email has been rejected! (RE: ${ticket.title})',
     E'Your previous request is closed. Please open a new request.\n', 1, 'Auto reply on rejected follow-ups.');
insert into queue_auto_response (queue_id, response_type, auto_response_id)
    select q.id, a.response_type, a.id from queue q cross join auto_response a where q.name = 'Raw';
