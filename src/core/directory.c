/* directory.c — members sorted, filtered, paged and indexed; see directory.h.
 * Every query runs through one Cursor, which walks a language's order, keeps the members
 * the filter selects (distinctive matches first) and says which page each lands on; page
 * counts, positions, steps and views are all read off it, so they always agree. */
#include "core/directory.h"

#include "core/fold.h"
#include "core/monogram.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { QUERY_KEY_MAX = 160, NAME_KEY_MAX = 512 };

/* While searching, members come in three passes: those whose distinctive words start
 * with the query, those with a distinctive word that does, then those that match only
 * through a word many names share. */
enum { SEARCH_PASS_START = 0, SEARCH_PASS_DISTINCTIVE, SEARCH_PASS_SHARED, SEARCH_PASSES };

typedef struct Entry {
    char *name;
    int kind;
    char *distinctive;     /* the name without common words (monogram.h) */
    char *search_key;      /* fold_text() of the whole name */
    char *distinctive_key; /* fold_text() of its distinctive words */
    char initials[MONOGRAM_INITIALS_MAX];
    uint32_t fill;
    int letter[LANG_COUNT];
} Entry;

struct Directory {
    Entry *entries;
    int count;
    int *order[LANG_COUNT]; /* member numbers sorted for each language */
    CommonWords common;     /* the words most names share (monogram.h) */
};

static char *copy_string(const char *text)
{
    size_t length = strlen(text);
    char *out = malloc(length + 1);
    if (out) {
        memcpy(out, text, length + 1);
    }
    return out;
}

static char *fold_copy(const char *text)
{
    char key[NAME_KEY_MAX];
    fold_text(text, strlen(text), key, sizeof key);
    return copy_string(key);
}

/* Sorting one language: the whole name's key, as a visitor looks a name up by its first
 * letter as written, then the name as written (the same words in both scripts: Latin
 * first), then pack order. Items are sorted through pointers:
 * they are large. */
typedef struct SortItem {
    char key[COLLATE_KEY_MAX];
    const char *name;
    int member;
} SortItem;

static int compare_items(const void *a, const void *b)
{
    const SortItem *x = *(const SortItem *const *)a;
    const SortItem *y = *(const SortItem *const *)b;
    int order = strcmp(x->key, y->key);
    if (order == 0) {
        order = strcmp(x->name, y->name);
    }
    return order != 0 ? order : (x->member > y->member) - (x->member < y->member);
}

static bool sort_language(Directory *dir, Lang lang)
{
    int n = dir->count;
    SortItem *items = malloc((size_t)(n ? n : 1) * sizeof *items);
    SortItem **sorted = malloc((size_t)(n ? n : 1) * sizeof *sorted);
    dir->order[lang] = malloc((size_t)(n ? n : 1) * sizeof(int));
    bool ok = items && sorted && dir->order[lang];
    for (int m = 0; ok && m < n; m++) {
        collate_key(dir->entries[m].name, lang, items[m].key, sizeof items[m].key);
        items[m].name = dir->entries[m].name;
        items[m].member = m;
        dir->entries[m].letter[lang] = collate_key_letter(items[m].key);
        sorted[m] = &items[m];
    }
    if (ok) {
        qsort(sorted, (size_t)n, sizeof *sorted, compare_items);
        for (int i = 0; i < n; i++) {
            dir->order[lang][i] = sorted[i]->member;
        }
    }
    free(sorted);
    free(items);
    return ok;
}

static bool fill_entries(Directory *dir, const DirectoryMember *members, const CommonWords *common)
{
    for (int m = 0; m < dir->count; m++) {
        Entry *e = &dir->entries[m];
        const char *name = members[m].name ? members[m].name : "";
        char text[NAME_KEY_MAX];
        monogram_distinctive(name, common, text, sizeof text);
        e->name = copy_string(name);
        e->kind = members[m].kind >= 0 && members[m].kind < DIRECTORY_KIND_COUNT ? members[m].kind : -1;
        e->search_key = fold_copy(name);
        e->distinctive_key = fold_copy(text);
        e->distinctive = copy_string(text);
        if (!e->name || !e->search_key || !e->distinctive_key || !e->distinctive) {
            return false;
        }
        monogram_initials(name, common, e->initials, sizeof e->initials);
        e->fill = monogram_fill(name);
    }
    return true;
}

/* The set of initials given so far, each with the member that has it: open addressing
 * over a table twice the members. */
typedef struct InitialsSet {
    char (*slots)[MONOGRAM_INITIALS_MAX];
    int *owners;
    size_t mask;
} InitialsSet;

static size_t initials_slot(const InitialsSet *set, const char *initials)
{
    uint32_t hash = 2166136261u;
    for (const unsigned char *c = (const unsigned char *)initials; *c; c++) {
        hash = (hash ^ *c) * 16777619u;
    }
    size_t i = hash & set->mask;
    while (set->slots[i][0] && strcmp(set->slots[i], initials) != 0) {
        i = (i + 1) & set->mask;
    }
    return i;
}

/* Adds member m's initials; false when they were already there (*owner then says whose). */
static bool initials_add(InitialsSet *set, const char *initials, int m, int *owner)
{
    size_t i = initials_slot(set, initials);
    if (set->slots[i][0]) {
        *owner = set->owners[i];
        return false;
    }
    snprintf(set->slots[i], MONOGRAM_INITIALS_MAX, "%s", initials);
    set->owners[i] = m;
    return true;
}

static bool same_letters(const Directory *dir, const Entry *a, const Entry *b);

/* A member whose initials an earlier one (in pack order) has gets the first other
 * initials nobody has yet ("Haljina Novi Sad" → "HS" beside "Haljina Nit" → "HN"); when
 * every variant is taken, or the earlier one's name has the same letters (it differs by
 * a number: colours tell those apart), it keeps its own. */
static bool distinct_initials(Directory *dir)
{
    size_t size = 4;
    while (size < (size_t)dir->count * 2 * MONOGRAM_VARIANT_COUNT) {
        size *= 2;
    }
    InitialsSet set = {calloc(size, sizeof *set.slots), calloc(size, sizeof *set.owners), size - 1};
    bool ok = set.slots && set.owners;
    for (int m = 0; ok && m < dir->count; m++) {
        Entry *e = &dir->entries[m];
        int owner = -1;
        if (!e->initials[0] || initials_add(&set, e->initials, m, &owner) ||
            same_letters(dir, e, &dir->entries[owner])) {
            continue;
        }
        for (int variant = 1; variant < MONOGRAM_VARIANT_COUNT; variant++) {
            char other[MONOGRAM_INITIALS_MAX];
            if (monogram_initials_variant(e->name, &dir->common, variant, other, sizeof other) && other[0] &&
                initials_add(&set, other, m, &owner)) {
                memcpy(e->initials, other, sizeof other);
                break;
            }
        }
    }
    free(set.owners);
    free(set.slots);
    return ok;
}

Directory *directory_create(const DirectoryMember *members, int count)
{
    if (count < 0 || (count > 0 && !members)) {
        return NULL;
    }
    bool ok = false;
    const char **names = malloc((size_t)(count ? count : 1) * sizeof *names);
    Directory *dir = calloc(1, sizeof *dir);
    if (!names || !dir) {
        goto done;
    }
    dir->count = count;
    dir->entries = calloc((size_t)(count ? count : 1), sizeof *dir->entries);
    for (int m = 0; m < count; m++) {
        names[m] = members[m].name ? members[m].name : "";
    }
    if (!dir->entries || !monogram_common_words_find(names, (size_t)count, &dir->common) ||
        !fill_entries(dir, members, &dir->common) || !distinct_initials(dir)) {
        goto done;
    }
    ok = true;
    for (int lang = 0; lang < LANG_COUNT && ok; lang++) {
        ok = sort_language(dir, (Lang)lang);
    }
done:
    free(names);
    if (!ok) {
        directory_destroy(dir);
        return NULL;
    }
    return dir;
}

void directory_destroy(Directory *dir)
{
    if (!dir) {
        return;
    }
    for (int m = 0; dir->entries && m < dir->count; m++) {
        free(dir->entries[m].name);
        free(dir->entries[m].distinctive);
        free(dir->entries[m].search_key);
        free(dir->entries[m].distinctive_key);
    }
    free(dir->entries);
    for (int lang = 0; lang < LANG_COUNT; lang++) {
        free(dir->order[lang]);
    }
    monogram_common_words_free(&dir->common);
    free(dir);
}

int directory_size(const Directory *dir)
{
    return dir ? dir->count : 0;
}

static const Entry *entry(const Directory *dir, int m)
{
    return dir && m >= 0 && m < dir->count ? &dir->entries[m] : NULL;
}

const char *directory_name(const Directory *dir, int m)
{
    const Entry *e = entry(dir, m);
    return e ? e->name : "";
}

int directory_kind(const Directory *dir, int m)
{
    const Entry *e = entry(dir, m);
    return e ? e->kind : -1;
}

const char *directory_distinctive(const Directory *dir, int m)
{
    const Entry *e = entry(dir, m);
    return e ? e->distinctive : "";
}

const char *directory_initials(const Directory *dir, int m)
{
    const Entry *e = entry(dir, m);
    return e ? e->initials : "";
}

uint32_t directory_fill(const Directory *dir, int m)
{
    const Entry *e = entry(dir, m);
    return e ? e->fill : 0;
}

/* Is mark i's monogram also mark j's, for some j != i among the first count? */
static bool shared_initials(const DirectoryMark *marks, int count, int i)
{
    for (int j = 0; j < count; j++) {
        if (j != i && strcmp(marks[j].initials, marks[i].initials) == 0) {
            return true;
        }
    }
    return false;
}

/* Do names a and b give the same initials whichever way (they differ by a number only)? */
static bool same_letters(const Directory *dir, const Entry *a, const Entry *b)
{
    for (int variant = MONOGRAM_FIRST_TWO_WORDS; variant < MONOGRAM_VARIANT_COUNT; variant++) {
        char x[MONOGRAM_INITIALS_MAX];
        char y[MONOGRAM_INITIALS_MAX];
        if (monogram_initials_variant(a->name, &dir->common, variant, x, sizeof x) !=
                monogram_initials_variant(b->name, &dir->common, variant, y, sizeof y) ||
            strcmp(x, y) != 0) {
            return false;
        }
    }
    return true;
}

/* Gives mark i the first of its name's other initials no other disc of the page has (not
 * its usual ones); none when an earlier disc alike has a name of the same letters: colours
 * tell those apart, one way for all of them. */
static void other_initials(const Directory *dir, const int *members, DirectoryMark *marks, int count, int i)
{
    const Entry *e = entry(dir, members[i]);
    for (int j = 0; j < i; j++) {
        const Entry *other = entry(dir, members[j]);
        if (other && strcmp(marks[j].initials, marks[i].initials) == 0 && same_letters(dir, e, other)) {
            return;
        }
    }
    for (int variant = MONOGRAM_FIRST_TWO_WORDS + 1; variant < MONOGRAM_VARIANT_COUNT; variant++) {
        DirectoryMark candidate = marks[i];
        if (!monogram_initials_variant(e->name, &dir->common, variant, candidate.initials,
                                       sizeof candidate.initials) ||
            !candidate.initials[0]) {
            continue;
        }
        DirectoryMark kept = marks[i];
        marks[i] = candidate;
        if (!shared_initials(marks, count, i)) {
            return;
        }
        marks[i] = kept;
    }
}

void directory_marks(const Directory *dir, const int *members, int count, DirectoryMark *out)
{
    for (int i = 0; i < count; i++) {
        const Entry *e = entry(dir, members[i]);
        out[i] = (DirectoryMark){{0}, 0};
        if (e) {
            memcpy(out[i].initials, e->initials, sizeof out[i].initials);
            out[i].fill = e->fill;
        }
    }
    /* Monograms shared on this page: each after the first takes the first other initials
     * free on the page ("ĐA" beside "ĐŠ"). */
    for (int i = 0; i < count; i++) {
        const Entry *e = entry(dir, members[i]);
        if (e && out[i].initials[0] && shared_initials(out, i, i)) {
            other_initials(dir, members, out, count, i);
        }
    }
    /* Letters still alike (names that differ by a number only): colours that are not,
     * spread round the colour circle from the first one's (monogram_fill_apart). */
    for (int i = 0; i < count; i++) {
        int first = -1;
        int before = 0;
        int alike = 0;
        for (int j = 0; j < count; j++) {
            if (strcmp(out[j].initials, out[i].initials) == 0) {
                first = first < 0 ? j : first;
                before += j < i;
                alike++;
            }
        }
        const Entry *e = alike > 1 ? entry(dir, members[first]) : NULL;
        if (e) {
            out[i].fill = monogram_fill_apart(e->name, before, alike);
        }
    }
}

int directory_letter(const Directory *dir, int m, Lang lang)
{
    const Entry *e = entry(dir, m);
    return e && (int)lang >= 0 && lang < LANG_COUNT ? e->letter[lang] : -1;
}

bool directory_has_kind(const Directory *dir, int kind)
{
    for (int m = 0; dir && m < dir->count; m++) {
        if (dir->entries[m].kind == kind) {
            return true;
        }
    }
    return false;
}

/* ---- the cursor --------------------------------------------------------------------- */

typedef struct Cursor {
    const Directory *dir;
    Lang lang;
    int kind;
    char query[QUERY_KEY_MAX];
    bool searching;
    int per_page;
    int pass;       /* searching: SEARCH_PASS_* */
    int i;          /* next position in order[lang] */
    int page;
    int used;       /* members on the current page */
    int last_letter;
    int position;   /* members returned so far */
} Cursor;

static void cursor_start(Cursor *c, const Directory *dir, const DirectoryFilter *filter, int per_page)
{
    memset(c, 0, sizeof *c);
    c->dir = dir;
    c->lang = filter && (int)filter->lang >= 0 && filter->lang < LANG_COUNT ? filter->lang : LANG_EN;
    c->kind = filter ? filter->kind : DIRECTORY_ALL_KINDS;
    const char *query = filter && filter->query ? filter->query : "";
    fold_text(query, strlen(query), c->query, sizeof c->query);
    c->searching = c->query[0] != '\0';
    c->per_page = per_page < 1 ? 1 : per_page;
    c->last_letter = -2;
}

/* Does member m pass the filter in this pass? */
static bool selected(const Cursor *c, int m)
{
    const Entry *e = &c->dir->entries[m];
    if (c->kind != DIRECTORY_ALL_KINDS && e->kind != c->kind) {
        return false;
    }
    if (!c->searching) {
        return true;
    }
    bool start = fold_match_start(e->distinctive_key, c->query);
    bool distinctive = start || fold_match(e->distinctive_key, c->query);
    switch (c->pass) {
    case SEARCH_PASS_START:
        return start;
    case SEARCH_PASS_DISTINCTIVE:
        return distinctive && !start;
    default:
        return !distinctive && fold_match(e->search_key, c->query);
    }
}

/* Members from position i on that file under the same letter and pass the filter. */
static int group_size(const Cursor *c, int i, int letter)
{
    int n = 0;
    const int *order = c->dir->order[c->lang];
    for (; i < c->dir->count && c->dir->entries[order[i]].letter[c->lang] == letter; i++) {
        n += selected(c, order[i]);
    }
    return n;
}

/* The next selected member and its page; false at the end. */
static bool cursor_next(Cursor *c, int *member, int *page)
{
    const int *order = c->dir ? c->dir->order[c->lang] : NULL;
    while (c->dir) {
        if (c->i >= c->dir->count) {
            if (!c->searching || c->pass + 1 >= SEARCH_PASSES) {
                return false;
            }
            c->pass++;
            c->i = 0;
            continue;
        }
        int m = order[c->i];
        if (!selected(c, m)) {
            c->i++;
            continue;
        }
        int letter = c->dir->entries[m].letter[c->lang];
        if (!c->searching && letter != c->last_letter && c->used > 0 &&
            c->used + group_size(c, c->i, letter) > c->per_page) {
            c->page++;
            c->used = 0;
        }
        if (c->used == c->per_page) {
            c->page++;
            c->used = 0;
        }
        c->last_letter = letter;
        c->used++;
        c->i++;
        c->position++;
        *member = m;
        *page = c->page;
        return true;
    }
    return false;
}

int directory_page_count(const Directory *dir, const DirectoryFilter *filter, int per_page)
{
    if (directory_size(dir) == 0) {
        return 0;
    }
    Cursor c;
    cursor_start(&c, dir, filter, per_page);
    int member = 0;
    int page = 0;
    while (cursor_next(&c, &member, &page)) {
    }
    return page + 1;
}

int directory_match_count(const Directory *dir, const DirectoryFilter *filter)
{
    Cursor c;
    cursor_start(&c, dir, filter, 1);
    int member = 0;
    int page = 0;
    while (cursor_next(&c, &member, &page)) {
    }
    return c.position;
}

int directory_page_of(const Directory *dir, const DirectoryFilter *filter, int per_page, int m)
{
    Cursor c;
    cursor_start(&c, dir, filter, per_page);
    int member = 0;
    int page = 0;
    while (cursor_next(&c, &member, &page)) {
        if (member == m) {
            return page;
        }
    }
    return -1;
}

int directory_step(const Directory *dir, const DirectoryFilter *filter, int m, int direction)
{
    Cursor c;
    cursor_start(&c, dir, filter, 1);
    int member = 0;
    int page = 0;
    int first = -1;
    int previous = -1;
    int last = -1;
    bool found = false;
    while (cursor_next(&c, &member, &page)) {
        if (first < 0) {
            first = member;
        }
        if (found && direction > 0) {
            return member;
        }
        if (member == m) {
            found = true;
            if (direction <= 0 && previous >= 0) {
                return previous;
            }
        }
        previous = member;
        last = member;
    }
    if (!found) {
        return -1;
    }
    return direction > 0 ? first : last;
}

bool directory_view_create(const Directory *dir, const DirectoryFilter *filter, int per_page, DirectoryView *out)
{
    memset(out, 0, sizeof *out);
    int n = directory_size(dir);
    out->members = malloc((size_t)(n ? n : 1) * sizeof *out->members);
    out->pages = malloc((size_t)(n ? n : 1) * sizeof *out->pages);
    if (!out->members || !out->pages) {
        directory_view_destroy(out);
        return false;
    }
    Cursor c;
    cursor_start(&c, dir, filter, per_page);
    out->per_page = c.per_page;
    out->aligned = !c.searching;
    int member = 0;
    int page = 0;
    while (cursor_next(&c, &member, &page)) {
        if (page >= out->page_count) {
            out->pages[page] = (DirectoryPage){out->count, 0};
            out->page_count = page + 1;
        }
        out->pages[page].count++;
        int letter = dir->entries[member].letter[c.lang];
        DirectoryLetter *last = out->letter_count ? &out->letters[out->letter_count - 1] : NULL;
        if (!last || last->letter != letter) {
            /* Letters arrive in order when not searching; while searching they are not shown. */
            if (!c.searching && out->letter_count < COLLATE_MAX_LETTERS) {
                out->letters[out->letter_count++] = (DirectoryLetter){letter, page, 0};
                last = &out->letters[out->letter_count - 1];
            }
        }
        if (last && last->letter == letter) {
            last->count++;
        }
        out->members[out->count++] = member;
    }
    if (n > 0 && out->page_count == 0) {
        out->pages[0] = (DirectoryPage){0, 0};
        out->page_count = 1;
    }
    return true;
}

void directory_view_destroy(DirectoryView *view)
{
    free(view->members);
    free(view->pages);
    memset(view, 0, sizeof *view);
}
