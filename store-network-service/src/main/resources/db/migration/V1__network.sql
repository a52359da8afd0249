-- PostGIS is created by the platform (a superuser; CloudNativePG's postInitApplicationSQL in
-- Kubernetes): this service's role may not create it, and finds it here.
create extension if not exists postgis;

-- Own stores and partner outlets. Hours are local minutes of the day in the platform's zone
-- (closes 1440 = open until midnight); open_days is a bit per ISO weekday (Monday = 1, Sunday = 64).
create table site (
    id            text primary key check (id ~ '^[A-Z0-9][A-Z0-9-]{2,39}$'),
    kind          text        not null check (kind in ('STORE', 'OUTLET')),
    name          text        not null check (length(name) between 1 and 200),
    city          text        not null check (length(city) between 1 and 100),
    address       text        not null check (length(address) between 1 and 300),
    location      geography(Point, 4326) not null,
    opens_minute  int         not null check (opens_minute between 0 and 1439),
    closes_minute int         not null check (closes_minute between 1 and 1440 and closes_minute > opens_minute),
    open_days     int         not null check (open_days between 0 and 127),
    capabilities  text[]      not null,
    closed_at     timestamptz,
    updated_at    timestamptz not null
);
-- nearest-first search (KNN, <->) walks this index; closed sites are never candidates
create index site_location on site using gist (location) where closed_at is null;

-- what a site does and how much of it per slot: a battery-swap bay does about 9 swaps of 99 s in a
-- 15-minute slot, a handover bay one car an hour
create table site_service (
    site_id      text not null references site (id),
    capability   text not null,
    slot_minutes int  not null check (slot_minutes between 5 and 480),
    per_slot     int  not null check (per_slot between 0 and 1000),
    primary key (site_id, capability)
);

-- bookings per slot, only for slots with any: a slot without a row is empty. A booking takes its
-- slot with one conditional upsert (booked < per_slot), so concurrent requests never overbook.
create table slot_load (
    site_id    text        not null,
    capability text        not null,
    slot_start timestamptz not null,
    booked     int         not null check (booked >= 0),
    primary key (site_id, capability, slot_start)
);

-- a generated network is written once per database: a restart never overwrites what dealers and
-- operators changed since
create table network_seed (
    name      text primary key,
    sites     int         not null,
    seeded_at timestamptz not null
);
