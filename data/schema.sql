-- FACTS Kiosk content pack schema, version 3 (version 1 packs, without typed_cyrillic, and
-- version 2 packs, without the event tables, still load). A pack without an event is
-- written as version 2: everything above the line that marks the event tables below and
-- this user_version; a pack with an event gets the tables after that line too and
-- user_version 3.
-- One SQLite file = one content pack. The pack builder (facts-kiosk pack build) creates it
-- from the CSV sources in this folder; the kiosk's loader (src/content/) reads it read-only
-- and checks every table and column named here (src/content/schema.c is the same contract
-- in C; a test keeps the two in step).
--
-- Conventions:
--  * A visible text has three columns: <name>_en, <name>_sr_latn, <name>_sr_cyrl. All three
--    are present in a pack; an optional text that is not given is '' in all three.
--  * Every list table has id (a short key, unique), position (display order) and may have
--    show_from / show_until (YYYY-MM-DD, inclusive; NULL = always).
--  * Images are BLOBs in the images table, referenced by name.
-- Version 2: the table typed_cyrillic; programmes.scope may be '' (not stated);
-- organisation.members_total added.
PRAGMA user_version = 2;

-- Pack metadata: exactly one row.
CREATE TABLE pack (
    version        INTEGER NOT NULL CHECK (version > 0),   -- only ever grows
    title_en       TEXT NOT NULL,
    title_sr_latn  TEXT NOT NULL,
    title_sr_cyrl  TEXT NOT NULL,
    created_at     TEXT NOT NULL                           -- YYYY-MM-DD
) STRICT;

-- Display theme: exactly one row, colours as #RRGGBB.
CREATE TABLE theme (
    background   TEXT NOT NULL,
    surface      TEXT NOT NULL,
    text         TEXT NOT NULL,
    muted        TEXT NOT NULL,
    accent       TEXT NOT NULL,
    accent_text  TEXT NOT NULL
) STRICT;

-- The cluster itself: exactly one row.
CREATE TABLE organisation (
    name_en              TEXT NOT NULL,
    name_sr_latn         TEXT NOT NULL,
    name_sr_cyrl         TEXT NOT NULL,
    short_name           TEXT NOT NULL,
    founded              TEXT NOT NULL,                    -- YYYY-MM-DD
    city_en              TEXT NOT NULL,
    city_sr_latn         TEXT NOT NULL,
    city_sr_cyrl         TEXT NOT NULL,
    vision_en            TEXT NOT NULL,
    vision_sr_latn       TEXT NOT NULL,
    vision_sr_cyrl       TEXT NOT NULL,
    action_plan_en       TEXT NOT NULL,
    action_plan_sr_latn  TEXT NOT NULL,
    action_plan_sr_cyrl  TEXT NOT NULL,
    why_partner_en       TEXT NOT NULL,
    why_partner_sr_latn  TEXT NOT NULL,
    why_partner_sr_cyrl  TEXT NOT NULL,
    logo                 TEXT REFERENCES images(name)
) STRICT;

-- Short facts about the cluster, grouped by kind: sector, technology, s3_priority,
-- emerging_industry, specialisation, network, objective, service, service_detail.
CREATE TABLE about_items (
    id            TEXT PRIMARY KEY,
    position      INTEGER NOT NULL,
    kind          TEXT NOT NULL,
    text_en       TEXT NOT NULL,
    text_sr_latn  TEXT NOT NULL,
    text_sr_cyrl  TEXT NOT NULL
) STRICT;

-- Key figures shown large: a value ("400+") and what it counts.
CREATE TABLE figures (
    id             TEXT PRIMARY KEY,
    position       INTEGER NOT NULL,
    value_en       TEXT NOT NULL,
    value_sr_latn  TEXT NOT NULL,
    value_sr_cyrl  TEXT NOT NULL,
    label_en       TEXT NOT NULL,
    label_sr_latn  TEXT NOT NULL,
    label_sr_cyrl  TEXT NOT NULL,
    show_from      TEXT,
    show_until     TEXT
) STRICT;

-- Images used by other tables (PNG or JPEG, at most 4096 px a side and 16 MiB).
CREATE TABLE images (
    name    TEXT PRIMARY KEY,
    format  TEXT NOT NULL,            -- png | jpeg
    width   INTEGER NOT NULL,
    height  INTEGER NOT NULL,
    data    BLOB NOT NULL
) STRICT;

-- Member organisations. kind: SME | larger | research | other, or NULL where not stated.
CREATE TABLE members (
    id                   TEXT PRIMARY KEY,
    position             INTEGER NOT NULL,
    name                 TEXT NOT NULL,
    kind                 TEXT,
    logo                 TEXT REFERENCES images(name),
    website              TEXT,
    description_en       TEXT NOT NULL,
    description_sr_latn  TEXT NOT NULL,
    description_sr_cyrl  TEXT NOT NULL,
    show_from            TEXT,
    show_until           TEXT
) STRICT;

-- Success stories and achievements. years: "2013", "2011-2016" or "2011, 2012, 2013".
CREATE TABLE stories (
    id             TEXT PRIMARY KEY,
    position       INTEGER NOT NULL,
    title_en       TEXT NOT NULL,
    title_sr_latn  TEXT NOT NULL,
    title_sr_cyrl  TEXT NOT NULL,
    place_en       TEXT NOT NULL,
    place_sr_latn  TEXT NOT NULL,
    place_sr_cyrl  TEXT NOT NULL,
    years          TEXT NOT NULL,
    body_en        TEXT NOT NULL,
    body_sr_latn   TEXT NOT NULL,
    body_sr_cyrl   TEXT NOT NULL,
    photo          TEXT REFERENCES images(name),
    show_from      TEXT,
    show_until     TEXT
) STRICT;

-- Countries named by cooperation. target: international | trans-national (a main target
-- country of the cluster), or NULL.
CREATE TABLE countries (
    id            TEXT PRIMARY KEY,
    position      INTEGER NOT NULL,
    name_en       TEXT NOT NULL,
    name_sr_latn  TEXT NOT NULL,
    name_sr_cyrl  TEXT NOT NULL,
    target        TEXT
) STRICT;

-- Trade missions and B2B meetings. kind: trade_mission | b2b_meeting.
CREATE TABLE missions (
    id                   TEXT PRIMARY KEY,
    position             INTEGER NOT NULL,
    kind                 TEXT NOT NULL,
    destination_en       TEXT NOT NULL,
    destination_sr_latn  TEXT NOT NULL,
    destination_sr_cyrl  TEXT NOT NULL,
    purpose_en           TEXT NOT NULL,
    purpose_sr_latn      TEXT NOT NULL,
    purpose_sr_cyrl      TEXT NOT NULL,
    show_from            TEXT,
    show_until           TEXT
) STRICT;

-- Clusters FACTS collaborates with.
CREATE TABLE partner_clusters (
    id        TEXT PRIMARY KEY,
    position  INTEGER NOT NULL,
    name      TEXT NOT NULL,
    country   TEXT REFERENCES countries(id)
) STRICT;

-- Funded support programmes. scope: national | international, or '' where the source does
-- not state it (then no label is shown).
CREATE TABLE programmes (
    id              TEXT PRIMARY KEY,
    position        INTEGER NOT NULL,
    name_en         TEXT NOT NULL,
    name_sr_latn    TEXT NOT NULL,
    name_sr_cyrl    TEXT NOT NULL,
    funder_en       TEXT NOT NULL,
    funder_sr_latn  TEXT NOT NULL,
    funder_sr_cyrl  TEXT NOT NULL,
    years           TEXT NOT NULL,
    scope           TEXT NOT NULL
) STRICT;

-- Contact points; every field but the role is optional and hidden when empty.
CREATE TABLE contacts (
    id               TEXT PRIMARY KEY,
    position         INTEGER NOT NULL,
    role_en          TEXT NOT NULL,
    role_sr_latn     TEXT NOT NULL,
    role_sr_cyrl     TEXT NOT NULL,
    name             TEXT,
    email            TEXT,
    phone            TEXT,
    web              TEXT,
    address_en       TEXT NOT NULL,
    address_sr_latn  TEXT NOT NULL,
    address_sr_cyrl  TEXT NOT NULL
) STRICT;

-- Which Serbian Cyrillic texts staff typed (since version 2): one row per <name>_sr_cyrl cell
-- that a source filled in; every other Cyrillic text was made from the Serbian Latin by the
-- builder. row_id is the row's id ('' in the one-row tables pack and organisation);
-- column_name the Cyrillic column's full name ("title_sr_cyrl"). `pack export` writes only
-- these into the workbook and leaves the made ones empty, so an edit of the Latin makes them
-- again instead of keeping a stale copy.
CREATE TABLE typed_cyrillic (
    table_name   TEXT NOT NULL,
    row_id       TEXT NOT NULL,
    column_name  TEXT NOT NULL,
    PRIMARY KEY (table_name, row_id, column_name)
) STRICT;

-- Columns added after the first packs of this version were made. A pack may lack them (the
-- kiosk reads them as not given), so packs made before them still load; the builder adds
-- them, exactly as below, only when a source file fills one in:
--   ALTER TABLE contacts ADD COLUMN meet_en TEXT NOT NULL DEFAULT '';
--   ALTER TABLE contacts ADD COLUMN meet_sr_latn TEXT NOT NULL DEFAULT '';
--   ALTER TABLE contacts ADD COLUMN meet_sr_cyrl TEXT NOT NULL DEFAULT '';
--   ALTER TABLE organisation ADD COLUMN consent_en TEXT NOT NULL DEFAULT '';
--   ALTER TABLE organisation ADD COLUMN consent_sr_latn TEXT NOT NULL DEFAULT '';
--   ALTER TABLE organisation ADD COLUMN consent_sr_cyrl TEXT NOT NULL DEFAULT '';
--   ALTER TABLE organisation ADD COLUMN members_total INTEGER;
--   ALTER TABLE stories ADD COLUMN members TEXT NOT NULL DEFAULT '';
-- stories.members: the ids of the members a story names, "id,id" (members.id); the member's
-- page lists the stories that name it. '' (or no column): the story names no member.
-- organisation.members_total: how many members the cluster has, when its source says so; the
-- members list then shows it ("200 members"). Without it no total is shown: the list may
-- name only some members (the FACTS profile names its major players).
-- organisation.consent: the wording of the consent box on the "Contact me" form; without it
-- the kiosk's own wording is shown. A lead records which: "default-1", or "pack-<version>".
-- contacts.meet: where visitors find the team ("Hall 2, stand 14"), shown with the contact.
-- When a pack gives no phone, e-mail or web address and no meet text, the kiosk says in its
-- own words where to find the team ("Talk to us at the booth").

-- @since 3: event tables
-- An event of the day (a B2B meeting day, a fair): its days in its zone. Every time of an
-- event is kept as a UTC instant written "YYYY-MM-DDTHH:MM:SSZ"; utc_offsets lists the
-- zone's offsets over the event's days, worked out by the builder from the system's
-- zoneinfo ("2026-03-27T23:00:00Z +01:00, 2026-03-29T01:00:00Z +02:00": from each instant
-- on, local time is UTC plus that offset), so the kiosk never reads a time-zone file.
CREATE TABLE events (
    id             TEXT PRIMARY KEY,
    position       INTEGER NOT NULL,
    name_en        TEXT NOT NULL,
    name_sr_latn   TEXT NOT NULL,
    name_sr_cyrl   TEXT NOT NULL,
    venue_en       TEXT NOT NULL,
    venue_sr_latn  TEXT NOT NULL,
    venue_sr_cyrl  TEXT NOT NULL,
    starts         TEXT NOT NULL,                          -- YYYY-MM-DD, first day
    ends           TEXT NOT NULL,                          -- YYYY-MM-DD, last day
    time_zone      TEXT NOT NULL,                          -- IANA name: Europe/Belgrade
    utc_offsets    TEXT NOT NULL
) STRICT;

-- The agenda. kind: talk | panel | workshop | break | social | other.
CREATE TABLE sessions (
    id             TEXT PRIMARY KEY,
    position       INTEGER NOT NULL,
    event          TEXT NOT NULL REFERENCES events(id),
    starts         TEXT NOT NULL,                          -- UTC instant
    ends           TEXT NOT NULL,                          -- UTC instant
    room_en        TEXT NOT NULL,
    room_sr_latn   TEXT NOT NULL,
    room_sr_cyrl   TEXT NOT NULL,
    title_en       TEXT NOT NULL,
    title_sr_latn  TEXT NOT NULL,
    title_sr_cyrl  TEXT NOT NULL,
    kind           TEXT NOT NULL
) STRICT;

-- B2B meetings at tables; a round is the meetings sharing a start. A party is a member's
-- id or any name. A private meeting (private = 'yes') keeps only its table and times:
-- party_a, party_b and title are NULL, so nothing private travels in a pack.
CREATE TABLE meetings (
    id        TEXT PRIMARY KEY,
    position  INTEGER NOT NULL,
    event     TEXT NOT NULL REFERENCES events(id),
    starts    TEXT NOT NULL,                               -- UTC instant
    ends      TEXT NOT NULL,                               -- UTC instant
    "table"   TEXT NOT NULL,
    party_a   TEXT,
    party_b   TEXT,
    title     TEXT,
    private   TEXT NOT NULL                                -- no | yes
) STRICT;

-- Banners over every slide from "from" until "until" (UTC instants).
CREATE TABLE announcements (
    id            TEXT PRIMARY KEY,
    position      INTEGER NOT NULL,
    text_en       TEXT NOT NULL,
    text_sr_latn  TEXT NOT NULL,
    text_sr_cyrl  TEXT NOT NULL,
    "from"        TEXT NOT NULL,
    "until"       TEXT NOT NULL
) STRICT;
