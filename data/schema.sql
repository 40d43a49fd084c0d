-- FACTS Kiosk content pack schema, version 2 (the kiosk still reads version 1 packs).
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
-- Version 2: programmes.scope may be '' (not stated), organisation.members_total added.
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
-- organisation.members_total: how many members the cluster has, when its source says so; the
-- members list then shows it ("200 members"). Without it no total is shown: the list may
-- name only some members (the FACTS profile names its major players).
-- organisation.consent: the wording of the consent box on the "Contact me" form; without it
-- the kiosk's own wording is shown. A lead records which: "default-1", or "pack-<version>".
-- contacts.meet: where visitors find the team ("Hall 2, stand 14"), shown with the contact.
-- When a pack gives no phone, e-mail or web address and no meet text, the kiosk says in its
-- own words where to find the team ("Talk to us at the booth").
