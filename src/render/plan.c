/* plan.c — pages from content; see plan.h. The About section tells the story in the
 * order a visitor needs it: vision, figures, objectives, focus, services, why partner.
 * Each page also counts the texts a text detail can show (plan_block_count()). */
#include "render/plan.h"

#include "core/event_board.h"
#include "core/fold.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

PlanCapacity plan_capacity(bool portrait)
{
    /* Landscape: 3 x 3 tiles, 3 x 2 above the keyboard; portrait: one column of members (the
     * members painter, members.c, lays out exactly these) and three programmes, each card
     * tall enough to say it. Stories: at most 3 x 2 cards, or 3 in a column (half when they
     * run long: plan_story_page_size()). */
    return portrait ? (PlanCapacity){.member_tiles = 5, .member_results = 5, .stories = 3, .programmes = 3,
                                   .board_rows = 8, .agenda_rows = 9}
                    : (PlanCapacity){.member_tiles = 9, .member_results = 6, .stories = 6, .programmes = 4,
                                   .board_rows = 20, .agenda_rows = 8};
}

static bool add_page(SlidePlan *plan, SectionId section, SlideKind kind, int first, int count)
{
    if (plan->page_count[section] >= PLAN_MAX_PAGES) {
        return false;
    }
    plan->pages[section][plan->page_count[section]++] =
        (PlannedSlide){.kind = kind, .first = first, .count = count, .page_kind = kind, .block = -1};
    return true;
}

int plan_story_page_size(const Content *content, const int *visible, int total, int capacity)
{
    if (total <= 0 || capacity <= 0) {
        return capacity > 0 ? capacity : 1;
    }
    /* Long stories (their titles and texts together over PLAN_LONG_STORY_BYTES on average,
     * in English) need taller cards: half as many a page (one row of three, two in a
     * column), each card the height of the page. */
    size_t bytes = 0;
    for (int i = 0; i < total; i++) {
        const Story *story = &content->stories[visible[i]];
        bytes += strlen(local_text(&story->title, LANG_EN)) + strlen(local_text(&story->body, LANG_EN));
    }
    int most = bytes / (size_t)total > PLAN_LONG_STORY_BYTES ? (capacity + 1) / 2 : capacity;
    int pages = (total + most - 1) / most;
    return (total + pages - 1) / pages;
}

/* Pages of the visible items of list spread evenly, at most per_page each: their sizes
 * differ by one at most, the fuller first (13 at most 6: 5, 4, 4). */
static void add_even_pages(SlidePlan *plan, SectionId section, SlideKind kind, PlanList list, int per_page)
{
    int total = plan->visible_count[list];
    int pages = per_page > 0 ? (total + per_page - 1) / per_page : 0;
    for (int page = 0, first = 0; page < pages; page++) {
        int count = total / pages + (page < total % pages);
        if (!add_page(plan, section, kind, first, count)) {
            return;
        }
        first += count;
    }
}

static const Validity *item_validity(const Content *content, PlanList list, size_t i)
{
    switch (list) {
    case PLAN_FIGURES:
        return &content->figures[i].validity;
    case PLAN_MEMBERS:
        return &content->members[i].validity;
    case PLAN_STORIES:
        return &content->stories[i].validity;
    case PLAN_MISSIONS:
        return &content->missions[i].validity;
    default:
        return NULL;
    }
}

static size_t list_length(const Content *content, PlanList list)
{
    static const size_t UNUSED = 0;
    switch (list) {
    case PLAN_FIGURES:
        return content->figure_count;
    case PLAN_MEMBERS:
        return content->member_count;
    case PLAN_STORIES:
        return content->story_count;
    case PLAN_MISSIONS:
        return content->mission_count;
    case PLAN_PROGRAMMES:
        return content->programme_count;
    default:
        return UNUSED;
    }
}

static bool filter(SlidePlan *plan, const Content *content, PlanList list, const char *today)
{
    size_t length = list_length(content, list);
    plan->visible[list] = malloc((length ? length : 1) * sizeof(int));
    if (!plan->visible[list]) {
        return false;
    }
    for (size_t i = 0; i < length; i++) {
        const Validity *validity = item_validity(content, list, i);
        if (!validity || validity_covers(validity, today)) {
            plan->visible[list][plan->visible_count[list]++] = (int)i;
        }
    }
    return true;
}

static const ProfileGroup PROFILE_GROUPS[] = {
    {ABOUT_SECTOR, UI_SECTORS},           {ABOUT_SPECIALISATION, UI_SPECIALISATION},
    {ABOUT_TECHNOLOGY, UI_TECHNOLOGY},    {ABOUT_EMERGING_INDUSTRY, UI_EMERGING},
    {ABOUT_S3_PRIORITY, UI_S3_PRIORITIES}, {ABOUT_NETWORK, UI_NETWORKS},
};
enum { PROFILE_GROUP_COUNT = sizeof PROFILE_GROUPS / sizeof PROFILE_GROUPS[0] };

const ProfileGroup *plan_profile_groups(size_t *count)
{
    *count = PROFILE_GROUP_COUNT;
    return PROFILE_GROUPS;
}

int plan_about_count(const Content *content, AboutKind kind)
{
    int n = 0;
    for (size_t i = 0; i < content->about_item_count; i++) {
        n += content->about_items[i].kind == (int)kind;
    }
    return n;
}

int plan_profile_group(const Content *content, int n)
{
    for (int g = 0; g < PROFILE_GROUP_COUNT; g++) {
        if (plan_about_count(content, PROFILE_GROUPS[g].kind) > 0 && n-- == 0) {
            return g;
        }
    }
    return -1;
}

int plan_block_count(const Content *content, const PlannedSlide *slide)
{
    switch (slide->page_kind) {
    case SLIDE_VISION:
        return local_text_empty(&content->organisation.vision) ? 0 : 1;
    case SLIDE_FIGURES:
    case SLIDE_MISSIONS:
    case SLIDE_PARTNERS:
    case SLIDE_PROGRAMMES:
        return slide->count;
    case SLIDE_OBJECTIVES:
        return plan_about_count(content, ABOUT_OBJECTIVE);
    case SLIDE_PROFILE: {
        int n = 0;
        while (plan_profile_group(content, n) >= 0) {
            n++;
        }
        return n;
    }
    case SLIDE_SERVICES:
        return plan_about_count(content, ABOUT_SERVICE) + plan_about_count(content, ABOUT_SERVICE_DETAIL);
    case SLIDE_WHY_PARTNER:
        return 1 + !local_text_empty(&content->organisation.action_plan);
    case SLIDE_CONTACT:
        return (int)content->contact_count;
    default:
        return 0;
    }
}

/* The directory of the visible members, in visible order. */
static bool make_directory(SlidePlan *plan, const Content *content)
{
    int count = plan->visible_count[PLAN_MEMBERS];
    DirectoryMember *members = malloc((size_t)(count ? count : 1) * sizeof *members);
    if (!members) {
        return false;
    }
    for (int i = 0; i < count; i++) {
        const Member *member = &content->members[plan->visible[PLAN_MEMBERS][i]];
        members[i] = (DirectoryMember){member->name, member->kind};
    }
    plan->members.directory = directory_create(members, count);
    free(members);
    return plan->members.directory != NULL;
}

bool plan_set_members(SlidePlan *plan, const DeckMembers *members, Lang lang)
{
    PlanMembers *pm = &plan->members;
    DirectoryFilter filter = deck_members_filter(members, lang);
    int per_page = members->keyboard != DECK_KEYBOARD_CLOSED ? pm->capacity.member_results : pm->capacity.member_tiles;
    DirectoryView view = {0};
    if (!directory_view_create(pm->directory, &filter, per_page, &view)) {
        return false;
    }
    directory_view_destroy(&pm->view);
    pm->view = view;
    pm->state = *members;
    pm->lang = lang;
    pm->current = true;
    plan->page_count[SECTION_MEMBERS] = view.page_count;
    return true;
}

bool plan_members_current(const SlidePlan *plan, const DeckMembers *members, Lang lang)
{
    const PlanMembers *pm = &plan->members;
    return pm->current && pm->lang == lang && pm->state.revision == members->revision;
}

bool plan_create(SlidePlan *plan, const Content *content, const char *today, PlanCapacity capacity)
{
    memset(plan, 0, sizeof *plan);
    for (int list = 0; list < PLAN_LIST_COUNT; list++) {
        if (!filter(plan, content, (PlanList)list, today)) {
            plan_destroy(plan);
            return false;
        }
    }
    plan->members.capacity = capacity;
    /* Every member until the deck says otherwise (it will: the view is not current). */
    DeckMembers everyone = {.kind = DIRECTORY_ALL_KINDS};
    if (!make_directory(plan, content) || !plan_set_members(plan, &everyone, LANG_EN)) {
        plan_destroy(plan);
        return false;
    }
    plan->members.current = false;
    add_page(plan, SECTION_ABOUT, SLIDE_VISION, 0, 0);
    if (plan->visible_count[PLAN_FIGURES] > 0) {
        add_page(plan, SECTION_ABOUT, SLIDE_FIGURES, 0, plan->visible_count[PLAN_FIGURES]);
    }
    if (plan_about_count(content, ABOUT_OBJECTIVE) > 0) {
        add_page(plan, SECTION_ABOUT, SLIDE_OBJECTIVES, 0, 0);
    }
    if (plan_profile_group(content, 0) >= 0) {
        add_page(plan, SECTION_ABOUT, SLIDE_PROFILE, 0, 0);
    }
    if (plan_about_count(content, ABOUT_SERVICE) > 0 || plan_about_count(content, ABOUT_SERVICE_DETAIL) > 0) {
        add_page(plan, SECTION_ABOUT, SLIDE_SERVICES, 0, 0);
    }
    if (!local_text_empty(&content->organisation.why_partner)) {
        add_page(plan, SECTION_ABOUT, SLIDE_WHY_PARTNER, 0, 0);
    }
    int stories_a_page = plan_story_page_size(content, plan->visible[PLAN_STORIES], plan->visible_count[PLAN_STORIES],
                                              capacity.stories);
    add_even_pages(plan, SECTION_STORIES, SLIDE_STORIES, PLAN_STORIES, stories_a_page);
    if (plan->visible_count[PLAN_MISSIONS] > 0 || content->country_count > 0) {
        add_page(plan, SECTION_COOPERATION, SLIDE_MISSIONS, 0, plan->visible_count[PLAN_MISSIONS]);
    }
    if (content->partner_cluster_count > 0) {
        add_page(plan, SECTION_COOPERATION, SLIDE_PARTNERS, 0, (int)content->partner_cluster_count);
    }
    add_even_pages(plan, SECTION_COOPERATION, SLIDE_PROGRAMMES, PLAN_PROGRAMMES, capacity.programmes);
    if (!plan_gather_timeline(plan, content, today)) {
        plan_destroy(plan);
        return false;
    }
    for (size_t period = 0; period < plan->timeline->period_count; period++) {
        add_page(plan, SECTION_COOPERATION, SLIDE_TIMELINE, (int)period, (int)plan->timeline->periods[period].count);
    }
    add_page(plan, SECTION_CONTACT, SLIDE_CONTACT, 0, (int)content->contact_count);
    /* MEMBERS pages come from the members view (no text on them is shortened); other
     * sections hold at most PLAN_MAX_PAGES pages in plan->pages. */
    for (int s = 0; s < SECTION_COUNT; s++) {
        for (int page = 0; s != SECTION_MEMBERS && page < plan->page_count[s] && page < PLAN_MAX_PAGES; page++) {
            int blocks = plan_block_count(content, &plan->pages[s][page]);
            plan->blocks[s][page] = (unsigned char)(blocks > 255 ? 255 : blocks);
        }
    }
    return true;
}

/* Puts a page (no texts to open) at position at of section, moving the later ones on. */
static void insert_page(SlidePlan *plan, SectionId section, int at, SlideKind kind, int first)
{
    int count = plan->page_count[section];
    if (count >= PLAN_MAX_PAGES || at > count) {
        return;
    }
    memmove(&plan->pages[section][at + 1], &plan->pages[section][at], (size_t)(count - at) * sizeof plan->pages[0][0]);
    memmove(&plan->blocks[section][at + 1], &plan->blocks[section][at], (size_t)(count - at));
    plan->pages[section][at] = (PlannedSlide){.kind = kind, .first = first, .count = 1, .page_kind = kind, .block = -1};
    plan->blocks[section][at] = 0;
    plan->page_count[section]++;
}

/* The board of ev at ev->now (see plan_event_board()). */
static size_t event_board(const PlanEvent *ev, const Content *content, size_t *out, size_t max)
{
    if (!ev->event || !ev->now_known || max == 0) {
        return 0;
    }
    EventList list = EVENT_LIST(content->meetings, content->meeting_count, span);
    size_t *all = malloc((content->meeting_count ? content->meeting_count : 1) * sizeof *all);
    if (!all) {
        return 0;
    }
    size_t shown = event_board_meetings(list, ev->now, all, content->meeting_count);
    size_t n = 0;
    int starts_seen = 0;
    EventInstant last_start = 0;
    for (size_t i = 0; i < shown && n < max; i++) {
        const Meeting *meeting = &content->meetings[all[i]];
        if (meeting->event != ev->event) {
            continue;
        }
        if (starts_seen == 0 || meeting->span.starts != last_start) {
            if (++starts_seen > 2) {
                break; /* the current round and the next (or the next two) */
            }
            last_start = meeting->span.starts;
        }
        out[n++] = all[i];
    }
    free(all);
    return n;
}

size_t plan_event_board(const SlidePlan *plan, const Content *content, size_t *out, size_t max)
{
    return event_board(&plan->event, content, out, max);
}

/* ev for content at now: the event on and its board's pages. */
static PlanEvent event_at(const Content *content, EventInstant now, bool now_known, int board_rows)
{
    PlanEvent ev = {.now = now, .now_known = now_known, .board_rows = board_rows > 0 ? board_rows : 1};
    ev.event = content_event_on(content, now, &ev.zone);
    if (ev.event) {
        size_t board[PLAN_EVENT_MAX_BOARD_PAGES * 64];
        size_t rows = event_board(&ev, content, board, sizeof board / sizeof board[0]);
        int pages = (int)((rows + (size_t)ev.board_rows - 1) / (size_t)ev.board_rows);
        ev.board_pages = pages < PLAN_EVENT_MAX_BOARD_PAGES ? pages : PLAN_EVENT_MAX_BOARD_PAGES;
    }
    return ev;
}

bool plan_event_pages_change(const SlidePlan *plan, const Content *content, EventInstant now, bool now_known)
{
    PlanEvent ev = event_at(content, now, now_known, plan->members.capacity.board_rows);
    return ev.event != plan->event.event || ev.board_pages != plan->event.board_pages ||
           ev.now_known != plan->event.now_known; /* the clock became trusted, or stopped being */
}

void plan_add_event(SlidePlan *plan, const Content *content, EventInstant now, bool now_known)
{
    PlanEvent *ev = &plan->event;
    *ev = event_at(content, now, now_known, plan->members.capacity.board_rows);
    if (!ev->event) {
        return;
    }
    /* ABOUT leads with the event; the other sections the loop reaches come back to it. */
    insert_page(plan, SECTION_ABOUT, 0, SLIDE_EVENT_NOW, 0);
    for (int page = 0; page < ev->board_pages; page++) {
        insert_page(plan, SECTION_ABOUT, 1 + page, SLIDE_EVENT_BOARD, page);
    }
    static const SectionId BETWEEN[] = {SECTION_STORIES, SECTION_COOPERATION, SECTION_CONTACT};
    for (size_t i = 0; i < sizeof BETWEEN / sizeof BETWEEN[0]; i++) {
        if (plan->page_count[BETWEEN[i]] == 0) {
            continue;
        }
        insert_page(plan, BETWEEN[i], 0, SLIDE_EVENT_NOW, 0);
        if (ev->board_pages > 0) {
            insert_page(plan, BETWEEN[i], 1, SLIDE_EVENT_BOARD, 0);
        }
    }
}

/* ---- the booth's EVENT section --------------------------------------------------------------- */

/* The local day of ev->now as its window in UTC. */
static EventSpan event_day(const PlanEvent *ev)
{
    int32_t date = event_local_date(&ev->zone, ev->now);
    char day[16];
    snprintf(day, sizeof day, "%04d-%02d-%02d", (int)(date / 10000 % 10000), (int)(date / 100 % 100),
             (int)(date % 100));
    return event_days_window(&ev->zone, day, day);
}

static bool overlaps(const EventSpan *a, const EventSpan *b)
{
    return a->starts < b->ends && b->starts < a->ends;
}

/* Where the pack first names session i's room (rooms are told apart by their English name). */
static size_t room_rank(const Content *content, size_t i)
{
    const char *room = local_text(&content->sessions[i].room, LANG_EN);
    for (size_t j = 0; j < i; j++) {
        if (strcmp(local_text(&content->sessions[j].room, LANG_EN), room) == 0) {
            return j;
        }
    }
    return i;
}

typedef bool (*PlanBefore)(const Content *content, size_t a, size_t b);

/* Inserts item into the sorted out[0..n) after the items not after it, keeping at most max
 * (the last falls off a full list; an item that would land past max is dropped): so out
 * holds the first max of the whole order, items that compare equal in the order they came.
 * Returns the new count. */
static size_t keep_sorted(const Content *content, size_t *out, size_t n, size_t max, size_t item, PlanBefore before)
{
    size_t at = n;
    while (at > 0 && before(content, item, out[at - 1])) {
        at--;
    }
    if (at >= max) {
        return n;
    }
    size_t last = n < max ? n : max - 1;
    memmove(&out[at + 1], &out[at], (last - at) * sizeof out[0]);
    out[at] = item;
    return n < max ? n + 1 : n;
}

/* Meetings by start. */
static bool meeting_before(const Content *content, size_t a, size_t b)
{
    return content->meetings[a].span.starts < content->meetings[b].span.starts;
}

static bool agenda_before(const Content *content, size_t a, size_t b)
{
    size_t rank_a = room_rank(content, a);
    size_t rank_b = room_rank(content, b);
    if (rank_a != rank_b) {
        return rank_a < rank_b;
    }
    const EventSpan *sa = &content->sessions[a].span;
    const EventSpan *sb = &content->sessions[b].span;
    return sa->starts != sb->starts ? sa->starts < sb->starts : a < b;
}

size_t plan_event_agenda(const SlidePlan *plan, const Content *content, size_t *out, size_t max)
{
    const PlanEvent *ev = &plan->event;
    if (!ev->event) {
        return 0;
    }
    EventSpan day = event_day(ev);
    size_t n = 0;
    size_t total = 0;
    for (size_t i = 0; i < content->session_count; i++) {
        const Session *session = &content->sessions[i];
        if (session->event != ev->event || !overlaps(&session->span, &day)) {
            continue;
        }
        total++;
        n = keep_sorted(content, out, n, max, i, agenda_before);
    }
    return total;
}

const char *plan_event_party_name(const Content *content, const char *party)
{
    for (size_t i = 0; party && i < content->member_count; i++) {
        if (content->members[i].id && strcmp(content->members[i].id, party) == 0) {
            return content->members[i].name;
        }
    }
    return party ? party : "";
}

/* The member's name when party is a member's id, else NULL. */
static const char *member_name(const Content *content, const char *party)
{
    const char *name = plan_event_party_name(content, party);
    return name != party ? name : NULL;
}

size_t plan_event_find(const SlidePlan *plan, const Content *content, const char *query, size_t *out, size_t max)
{
    const PlanEvent *ev = &plan->event;
    char key[DECK_QUERY_MAX * 4];
    if (!ev->event || !query || fold_text(query, strlen(query), key, sizeof key) == 0) {
        return 0;
    }
    EventSpan day = event_day(ev);
    size_t n = 0;
    size_t total = 0;
    for (size_t i = 0; i < content->meeting_count; i++) {
        const Meeting *m = &content->meetings[i];
        if (m->event != ev->event || m->privacy != MEETING_PUBLIC || !overlaps(&m->span, &day)) {
            continue;
        }
        if (!event_party_matches(m->party_a, member_name(content, m->party_a), key) &&
            !event_party_matches(m->party_b, member_name(content, m->party_b), key)) {
            continue;
        }
        total++;
        n = keep_sorted(content, out, n, max, i, meeting_before);
    }
    return total;
}

const char *plan_event_other_party(const Content *content, const Meeting *meeting, const char *query)
{
    char key[DECK_QUERY_MAX * 4];
    if (!query || fold_text(query, strlen(query), key, sizeof key) == 0) {
        return NULL;
    }
    bool a = event_party_matches(meeting->party_a, member_name(content, meeting->party_a), key);
    bool b = event_party_matches(meeting->party_b, member_name(content, meeting->party_b), key);
    if (a == b) {
        return NULL;
    }
    return plan_event_party_name(content, a ? meeting->party_b : meeting->party_a);
}

void plan_add_event_section(SlidePlan *plan, const Content *content, EventInstant now, bool now_known)
{
    PlanEvent *ev = &plan->event;
    *ev = event_at(content, now, now_known, plan->members.capacity.board_rows);
    if (!ev->event) {
        return;
    }
    add_page(plan, SECTION_EVENT, SLIDE_EVENT_FIND, 0, 0);
    int per_page = plan->members.capacity.agenda_rows > 0 ? plan->members.capacity.agenda_rows : 1;
    int total = (int)plan_event_agenda(plan, content, NULL, 0);
    for (int first = 0; first < total; first += per_page) {
        if (!add_page(plan, SECTION_EVENT, SLIDE_EVENT_AGENDA, first, total - first < per_page ? total - first : per_page)) {
            break;
        }
    }
}

void plan_destroy(SlidePlan *plan)
{
    for (int list = 0; list < PLAN_LIST_COUNT; list++) {
        free(plan->visible[list]);
    }
    directory_view_destroy(&plan->members.view);
    directory_destroy(plan->members.directory);
    timeline_destroy(plan->timeline);
    memset(plan, 0, sizeof *plan);
}

DeckOutline plan_outline(const SlidePlan *plan)
{
    DeckOutline outline = {0};
    for (int s = 0; s < SECTION_COUNT; s++) {
        outline.pages[s] = plan->page_count[s];
    }
    outline.member_details = plan->visible_count[PLAN_MEMBERS];
    outline.story_details = plan->visible_count[PLAN_STORIES];
    memcpy(outline.blocks, plan->blocks, sizeof outline.blocks);
    outline.directory = plan->members.directory;
    outline.members_per_page = plan->members.capacity.member_tiles;
    outline.members_per_page_typing = plan->members.capacity.member_results;
    outline.event_search = plan->page_count[SECTION_EVENT] > 0 && plan->pages[SECTION_EVENT][0].kind == SLIDE_EVENT_FIND;
    return outline;
}

bool plan_slide(const SlidePlan *plan, SlideRef ref, PlannedSlide *out)
{
    if ((int)ref.section < 0 || ref.section >= SECTION_COUNT || ref.page < 0 ||
        ref.page >= plan->page_count[ref.section]) {
        return false;
    }
    if (ref.detail >= 0) {
        switch (deck_detail_kind(ref)) {
        case DETAIL_MEMBER:
        case DETAIL_STORY: {
            bool member = ref.section == SECTION_MEMBERS;
            if (ref.detail >= plan->visible_count[member ? PLAN_MEMBERS : PLAN_STORIES]) {
                return false;
            }
            SlideKind kind = member ? SLIDE_MEMBER_DETAIL : SLIDE_STORY_DETAIL;
            *out = (PlannedSlide){.kind = kind, .first = ref.detail, .count = 1, .page_kind = kind, .block = -1};
            return true;
        }
        case DETAIL_TEXT:
            if (ref.detail >= plan->blocks[ref.section][ref.page]) {
                return false;
            }
            *out = plan->pages[ref.section][ref.page];
            out->kind = SLIDE_TEXT_DETAIL;
            out->block = ref.detail;
            return true;
        case DETAIL_NONE:
        default:
            return false;
        }
    }
    if (ref.section == SECTION_MEMBERS) {
        const DirectoryView *view = &plan->members.view;
        if (ref.page >= view->page_count) {
            return false;
        }
        *out = (PlannedSlide){.kind = SLIDE_MEMBERS, .first = view->pages[ref.page].first,
                              .count = view->pages[ref.page].count, .page_kind = SLIDE_MEMBERS, .block = -1};
        return true;
    }
    *out = plan->pages[ref.section][ref.page];
    return true;
}

int plan_item(const SlidePlan *plan, PlanList list, int i)
{
    if ((int)list < 0 || list >= PLAN_LIST_COUNT || i < 0 || i >= plan->visible_count[list]) {
        return -1;
    }
    return plan->visible[list][i];
}
