/* fixture.c — see fixture.h. Test code: failures abort loudly. */
#define _POSIX_C_SOURCE 200809L
#include "support/fixture.h"

#include "builder/builder.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const unsigned char FIXTURE_PNG[] = {
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00,
    0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x03, 0x08, 0x02, 0x00, 0x00, 0x00, 0x3b, 0x96, 0x39, 0x91, 0x00,
    0x00, 0x00, 0x10, 0x49, 0x44, 0x41, 0x54, 0x78, 0xda, 0x63, 0x38, 0x21, 0x67, 0x03, 0x47, 0x0c, 0x38,
    0x39, 0x00, 0x0f, 0xda, 0x0d, 0x99, 0x0c, 0x7a, 0x67, 0xf8, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e,
    0x44, 0xae, 0x42, 0x60, 0x82,
};
const size_t FIXTURE_PNG_SIZE = sizeof FIXTURE_PNG;

static void fail(const char *what, const char *detail)
{
    fprintf(stderr, "fixture: %s: %s\n", what, detail);
    abort();
}

char *fixture_tempdir(void)
{
    const char *base = getenv("TMPDIR");
    char *path = malloc(4096);
    snprintf(path, 4096, "%s/facts-test-XXXXXX", base && base[0] ? base : "/tmp");
    if (!mkdtemp(path)) {
        fail("mkdtemp", path);
    }
    return path;
}

void fixture_remove_tree(char *path)
{
    if (!path) {
        return;
    }
    char command[4200];
    snprintf(command, sizeof command, "rm -rf '%s'", path);
    if (system(command) != 0) {
        fprintf(stderr, "fixture: could not remove %s\n", path);
    }
    free(path);
}

char *fixture_path(const char *dir, const char *name)
{
    size_t size = strlen(dir) + strlen(name) + 2;
    char *path = malloc(size);
    snprintf(path, size, "%s/%s", dir, name);
    return path;
}

void fixture_write(const char *dir, const char *name, const void *bytes, size_t size)
{
    if (strncmp(name, "images/", 7) == 0) {
        char *images = fixture_path(dir, "images");
        mkdir(images, 0755);
        free(images);
    }
    char *path = fixture_path(dir, name);
    FILE *file = fopen(path, "wb");
    if (!file) {
        fail("cannot write", path);
    }
    if (size == (size_t)-1) {
        size = strlen(bytes);
    }
    if (fwrite(bytes, 1, size, file) != size) {
        fail("short write", path);
    }
    fclose(file);
    free(path);
}

static const struct {
    const char *name;
    const char *text;
} SOURCES[] = {
    {"pack.csv", "version,title_en,title_sr_latn,title_sr_cyrl,created_at\n"
                 "3,Example Pack,Primer paketa,,2026-01-02\n"},
    {"theme.csv", "background,surface,text,muted,accent,accent_text\n"
                  "#101010,#202020,#F0F0F0,#A0A0A0,#C8A45C,#101010\n"},
    {"organisation.csv",
     "name_en,name_sr_latn,short_name,founded,city_en,city_sr_latn,vision_en,vision_sr_latn,"
     "action_plan_en,action_plan_sr_latn,why_partner_en,why_partner_sr_latn,logo\n"
     "Example Cluster,Primer klastera,EXC,2010-09-14,Example City,Primer grad,"
     "\"To be an example, always.\",\"Da bude primer, uvek.\",,,Because it is an example.,Zato što je primer.,\n"},
    {"about_items.csv", "id,kind,text_en,text_sr_latn\n"
                        "goal-1,objective,Make examples,Praviti primere\n"
                        "sector-1,sector,Example manufacturing,Primer proizvodnje\n"},
    {"figures.csv", "id,value_en,value_sr_latn,label_en,label_sr_latn,show_from,show_until\n"
                    "stores,100+,100+,example stores,primer prodavnica,,\n"
                    "old,1,1,retired figure,stari podatak,2000-01-01,2000-12-31\n"},
    {"members.csv", "id,name,kind,logo,website,description_en,description_sr_latn,show_from,show_until\n"
                    "example-brand,Example Brand,SME,brand.png,https://example.org,An example brand.,Primer brenda.,,\n"
                    "other-brand,Other Example,,,,,,,\n"},
    {"stories.csv", "id,title_en,title_sr_latn,place_en,place_sr_latn,years,body_en,body_sr_latn,photo,show_from,show_until\n"
                    "fair,Example Fair,Primer sajma,Example City,Primer grad,\"2011, 2012\",We were there.,Bili smo tamo.,,,\n"},
    {"countries.csv", "id,name_en,name_sr_latn,target\n"
                      "exampleland,Exampleland,Primerija,international\n"},
    {"missions.csv", "id,kind,destination_en,destination_sr_latn,purpose_en,purpose_sr_latn,show_from,show_until\n"
                     "m1,trade_mission,Exampleland,Primerija,export,izvoz,,\n"},
    {"partner_clusters.csv", "id,name,country\n"
                             "pc1,Example Partner Cluster,exampleland\n"},
    {"programmes.csv", "id,name_en,name_sr_latn,funder_en,funder_sr_latn,years,scope\n"
                       "p1,Example Programme,Primer programa,Example Agency,Primer agencije,2011-2013,national\n"},
    {"contacts.csv", "id,role_en,role_sr_latn,name,email,phone,web,address_en,address_sr_latn\n"
                     "c1,Example Desk,Primer pulta,,info@example.org,,https://example.org,,\n"},
};

void fixture_sources(const char *dir)
{
    for (size_t i = 0; i < sizeof SOURCES / sizeof SOURCES[0]; i++) {
        fixture_write(dir, SOURCES[i].name, SOURCES[i].text, (size_t)-1);
    }
    fixture_write(dir, "images/brand.png", FIXTURE_PNG, FIXTURE_PNG_SIZE);
}

static void print_problem(void *ctx, const char *problem)
{
    (void)ctx;
    fprintf(stderr, "fixture build: %s\n", problem);
}

void fixture_event_sources(const char *dir)
{
    fixture_write(dir, "events.csv",
                  "id,name_en,name_sr_latn,venue_en,venue_sr_latn,starts,ends,time_zone\n"
                  "day,Example Day,Primer dan,Example Hall,Primer hala,2026-09-17,2026-09-17,Europe/Belgrade\n",
                  (size_t)-1);
    fixture_write(dir, "sessions.csv",
                  "id,event,starts,ends,room_en,room_sr_latn,title_en,title_sr_latn,kind\n"
                  "open,day,2026-09-17T09:00,2026-09-17T10:00,Hall A,Hala A,Opening,Otvaranje,talk\n",
                  (size_t)-1);
    fixture_write(dir, "meetings.csv",
                  "event,starts,ends,table,party_a,party_b,title,private\n"
                  "day,2026-09-17T10:00,2026-09-17T10:20,1,Example A,Example B,,no\n"
                  "day,2026-09-17T10:00,2026-09-17T10:20,2,Example C,Example D,,no\n"
                  "day,2026-09-17T10:00,2026-09-17T10:20,3,Example E,Example F,,yes\n"
                  "day,2026-09-17T10:25,2026-09-17T10:45,1,Example A,Example D,,no\n"
                  "day,2026-09-17T10:25,2026-09-17T10:45,2,Example C,Example B,,no\n"
                  "day,2026-09-17T10:25,2026-09-17T10:45,3,Example E,Example G,,no\n",
                  (size_t)-1);
}

char *fixture_build_pack(const char *dir)
{
    char *path = fixture_path(dir, "pack.db");
    BuilderReport report = {.each = print_problem};
    if (!builder_build(dir, path, &report)) {
        fail("builder failed on fixture sources", dir);
    }
    return path;
}

void fixture_sql(const char *path, const char *sql)
{
    sqlite3 *db = NULL;
    char *message = NULL;
    if (sqlite3_open(path, &db) != SQLITE_OK) {
        fail("sqlite open", path);
    }
    if (sqlite3_exec(db, sql, NULL, NULL, &message) != SQLITE_OK) {
        fail(sql, message ? message : "?");
    }
    sqlite3_close(db);
}

void fixture_collect_problem(void *ctx, const char *problem)
{
    FixtureProblems *problems = ctx;
    if (problems->count < FIXTURE_MAX_PROBLEMS) {
        snprintf(problems->lines[problems->count], sizeof problems->lines[0], "%s", problem);
    }
    problems->count++;
}

int fixture_setup_sources(void **state)
{
    char *dir = fixture_tempdir();
    fixture_sources(dir);
    *state = dir;
    return 0;
}

int fixture_teardown_sources(void **state)
{
    fixture_remove_tree(*state);
    return 0;
}

bool fixture_build_problem(const char *dir, const char *expected_suffix, char *first, size_t first_size)
{
    char *out = fixture_path(dir, "out.db");
    FixtureProblems problems = {0};
    BuilderReport report = {.each = fixture_collect_problem, .ctx = &problems};
    bool built = builder_build(dir, out, &report);
    struct stat info;
    bool written = stat(out, &info) == 0;
    free(out);
    snprintf(first, first_size, "%s", problems.count ? problems.lines[0] : "(no problem)");
    char expected[1024];
    snprintf(expected, sizeof expected, "%s/%s", dir, expected_suffix);
    bool found = false;
    for (size_t i = 0; i < problems.count && i < FIXTURE_MAX_PROBLEMS; i++) {
        found = found || strcmp(problems.lines[i], expected) == 0;
    }
    return !built && !written && found;
}

char *fixture_pack_text(const char *path, const char *sql)
{
    sqlite3 *db = NULL;
    sqlite3_stmt *statement = NULL;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        fail("sqlite open", path);
    }
    if (sqlite3_prepare_v2(db, sql, -1, &statement, NULL) != SQLITE_OK) {
        fail(sql, sqlite3_errmsg(db));
    }
    if (sqlite3_step(statement) != SQLITE_ROW) {
        fail(sql, "no row");
    }
    const char *text = (const char *)sqlite3_column_text(statement, 0);
    char *copy = strdup(text ? text : "(null)");
    sqlite3_finalize(statement);
    sqlite3_close(db);
    if (!copy) {
        fail(sql, "out of memory");
    }
    return copy;
}
