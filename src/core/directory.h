/* directory.h — the members a visitor can find: sorted by the alphabet of the language
 * shown, filtered by kind and by a search query, paged, and indexed A–Z. Built once per
 * pack from the members' names and kinds; the deck asks it how many pages a filter makes
 * and where a member is, the slide plan takes a DirectoryView to paint pages from.
 *
 * Decisions a visitor notices:
 * - Names sort and file under the index by their first letter as written, spelled in the
 *   alphabet of the language shown (collate.h): "Текстил Нит" is under Т in Cyrillic and
 *   under T in Latin, "Šavovi" under Ш in Cyrillic; "#" holds only names that start with
 *   a digit. Numbers sort by value ("Brand 9" before "Brand 10").
 * - Without a query, a letter starts a new page unless all its members fit on the page
 *   begun before it, so tapping a letter shows that letter's members from the top.
 * - A query matches names whose words begin with the query's words, ignoring case,
 *   diacritics and script (fold.h). Members whose distinctive part starts with the query
 *   come first, then those with another distinctive word that matches, then those that
 *   match only through a shared word ("b" for "Brand").
 * - A filter that matches nobody still makes one (empty) page, so the section stays.
 * - No two members share a monogram while other initials of theirs are free: the first
 *   in pack order keeps its usual ones (monogram.h variants).
 * Start at directory_create(), then directory_view_create(). Pure: no I/O. */
#ifndef FACTS_CORE_DIRECTORY_H
#define FACTS_CORE_DIRECTORY_H

#include "core/collate.h"
#include "core/lang.h"
#include "core/monogram.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum {
    DIRECTORY_ALL_KINDS = -1,
    DIRECTORY_KIND_COUNT = 4, /* MemberKind: SME, larger, research, other (content.h) */
};

typedef struct Directory Directory;

/* One member as the pack gives it: name (UTF-8, copied) and kind (0..KIND_COUNT-1, or
 * anything else for "not stated"). */
typedef struct DirectoryMember {
    const char *name;
    int kind;
} DirectoryMember;

/* Which members, in which order: kind DIRECTORY_ALL_KINDS or one kind; query as typed
 * (UTF-8; NULL or "" for none); lang decides the order and the index letters. */
typedef struct DirectoryFilter {
    int kind;
    const char *query;
    Lang lang;
} DirectoryFilter;

/* A page: positions [first, first + count) of a view's members. */
typedef struct DirectoryPage {
    int first;
    int count;
} DirectoryPage;

/* An index entry: collate.h letter number, the first page with it, how many members. */
typedef struct DirectoryLetter {
    int letter;
    int page;
    int count;
} DirectoryLetter;

/* The selection a filter makes, paged. Owned by the caller; free with
 * directory_view_destroy(). */
typedef struct DirectoryView {
    int *members;       /* member numbers (0..directory_size-1), in order */
    int count;
    DirectoryPage *pages;
    int page_count;     /* >= 1 when the directory has members */
    DirectoryLetter letters[COLLATE_MAX_LETTERS];
    int letter_count;   /* in alphabetical order; only letters that have members */
    int per_page;
    bool aligned;       /* pages start at letters (no query) */
} DirectoryView;

/* Builds a directory of members[0..count). NULL when out of memory (or count < 0). */
Directory *directory_create(const DirectoryMember *members, int count);

/* Frees it. NULL is a no-op. */
void directory_destroy(Directory *dir);

/* Number of members; 0 for NULL. */
int directory_size(const Directory *dir);

/* Member m's name, kind, monogram initials and disc colour (monogram.h). "" / -1 / 0 out of range. */
const char *directory_name(const Directory *dir, int m);
int directory_kind(const Directory *dir, int m);
const char *directory_initials(const Directory *dir, int m);
uint32_t directory_fill(const Directory *dir, int m);

/* A disc as one screen shows it: initials and colour. */
typedef struct DirectoryMark {
    char initials[MONOGRAM_INITIALS_MAX];
    uint32_t fill;
} DirectoryMark;

enum {
    DIRECTORY_MARKS_MAX = 64, /* members on one screen whose discs are told apart */
};

/* The discs of members[0..count) shown together on one screen, into out[0..count): each
 * member's own (directory_initials, directory_fill), except where two would look alike.
 * Those take other initials of their name (two letters, as every monogram) no other disc
 * of the screen has ("ĐA" beside "ĐŠ"); where the letters still are the same (names that differ
 * only by a number), the colours differ. A member out of range gets "" and 0. */
void directory_marks(const Directory *dir, const int *members, int count, DirectoryMark *out);

/* Member m's name without the words most names share ("Šavovi" for "Example Brand
 * Šavovi"): what its monogram is drawn from and what a search tries first. "" out of range. */
const char *directory_distinctive(const Directory *dir, int m);

/* The collate.h letter member m files under in lang, or -1. */
int directory_letter(const Directory *dir, int m, Lang lang);

/* True when some member is of kind. */
bool directory_has_kind(const Directory *dir, int kind);

/* Pages filter makes at per_page members a page (values < 1 count as 1): >= 1 when the
 * directory has members, 0 when it has none. No allocation. */
int directory_page_count(const Directory *dir, const DirectoryFilter *filter, int per_page);

/* How many members filter selects. */
int directory_match_count(const Directory *dir, const DirectoryFilter *filter);

/* The page member m is on, or -1 when filter does not select it. */
int directory_page_of(const Directory *dir, const DirectoryFilter *filter, int per_page, int m);

/* The member after (direction > 0) or before m in filter's order, wrapping around; m when
 * it is the only one; -1 when filter does not select m. */
int directory_step(const Directory *dir, const DirectoryFilter *filter, int m, int direction);

/* Fills *out with filter's selection paged at per_page. false (and an empty *out) when out
 * of memory. */
bool directory_view_create(const Directory *dir, const DirectoryFilter *filter, int per_page, DirectoryView *out);

/* Frees a view; safe on a zeroed one. */
void directory_view_destroy(DirectoryView *view);

#endif
