/* deck.c — navigation state machine; see deck.h for the rules a visitor sees.
 * Read deck_command() and deck_tick() first: everything else is a helper that
 * moves along the page sequence or starts a transition. The MEMBERS section's
 * filter, search and keyboard are in deck_members.c. */
#include "core/deck.h"

#include "core/easing.h"
#include "core/idle.h"

#include <stddef.h>
#include <string.h>

static const char *const SECTION_NAMES[SECTION_COUNT] = {
    [SECTION_ABOUT] = "about",
    [SECTION_MEMBERS] = "members",
    [SECTION_STORIES] = "stories",
    [SECTION_COOPERATION] = "cooperation",
    [SECTION_CONTACT] = "contact",
    [SECTION_EVENT] = "event",
};

const char *deck_section_name(SectionId section)
{
    if ((int)section < 0 || section >= SECTION_COUNT) {
        return "";
    }
    return SECTION_NAMES[section];
}

static const char *const COMMAND_NAMES[DECK_CMD_KIND_COUNT] = {
    [DECK_CMD_NONE] = "none",
    [DECK_CMD_WAKE] = "wake",
    [DECK_CMD_NEXT_PAGE] = "next-page",
    [DECK_CMD_PREV_PAGE] = "prev-page",
    [DECK_CMD_GOTO_SECTION] = "goto-section",
    [DECK_CMD_OPEN_DETAIL] = "open-detail",
    [DECK_CMD_BACK] = "back",
    [DECK_CMD_SET_LANG] = "set-lang",
    [DECK_CMD_ATTRACT] = "attract",
    [DECK_CMD_DRAG] = "drag",
    [DECK_CMD_DRAG_END] = "drag-end",
    [DECK_CMD_READ_ALOUD] = "read-aloud",
    [DECK_CMD_SCROLL] = "scroll",
    [DECK_CMD_SCROLL_END] = "scroll-end",
    [DECK_CMD_GOTO_PAGE] = "goto-page",
    [DECK_CMD_SCRUB] = "scrub",
    [DECK_CMD_FILTER_KIND] = "filter-kind",
    [DECK_CMD_KEYBOARD_OPEN] = "keyboard-open",
    [DECK_CMD_KEYBOARD_CLOSE] = "keyboard-close",
    [DECK_CMD_KEYBOARD_LAYOUT] = "keyboard-layout",
    [DECK_CMD_TEXT_INPUT] = "text-input",
    [DECK_CMD_TEXT_BACKSPACE] = "text-backspace",
    [DECK_CMD_TEXT_CLEAR] = "text-clear",
    [DECK_CMD_LEAD_FORM] = "lead-form",
    [DECK_CMD_OPEN_STORY] = "open-story",
};

const char *deck_command_name(DeckCommandKind kind)
{
    if ((int)kind < 0 || kind >= DECK_CMD_KIND_COUNT) {
        return "";
    }
    return COMMAND_NAMES[kind];
}

DeckConfig deck_config_default(DeckProfile profile)
{
    DeckConfig config = {0};
    config.profile = profile == DECK_PROFILE_LOBBY ? DECK_PROFILE_LOBBY : DECK_PROFILE_BOOTH;
    config.slide_ms = DECK_DEFAULT_SLIDE_MS;
    config.idle_ms = DECK_DEFAULT_IDLE_MS;
    config.transition_ms = DECK_DEFAULT_TRANSITION_MS;
    config.frame_ms = DECK_DEFAULT_FRAME_MS;
    /* A booth returns to the start language after every visitor anyway;
     * rotating there would switch language under a visitor's nose. */
    config.lang_rotate_cycles =
        config.profile == DECK_PROFILE_LOBBY ? DECK_DEFAULT_LANG_ROTATE_CYCLES : 0;
    config.progress_steps = DECK_DEFAULT_PROGRESS_STEPS;
    config.start_lang = LANG_EN;
    config.detail_idle_ms = 2 * DECK_DEFAULT_IDLE_MS;
    config.idle_warning_ms = DECK_DEFAULT_IDLE_WARNING_MS;
    config.spring_ms = DECK_DEFAULT_SPRING_MS;
    config.edge_px = DECK_DEFAULT_EDGE_PX;
    return config;
}

static DeckConfig sanitise_config(const DeckConfig *in)
{
    DeckConfig config = in ? *in : deck_config_default(DECK_PROFILE_BOOTH);
    if (config.profile != DECK_PROFILE_LOBBY) {
        config.profile = DECK_PROFILE_BOOTH;
    }
    if (config.slide_ms == 0) {
        config.slide_ms = DECK_DEFAULT_SLIDE_MS;
    }
    if (config.idle_ms == 0) {
        config.idle_ms = DECK_DEFAULT_IDLE_MS;
    }
    if (config.detail_idle_ms == 0) {
        config.detail_idle_ms = config.idle_ms <= UINT32_MAX / 2 ? 2 * config.idle_ms : UINT32_MAX;
    }
    if (config.detail_idle_ms < config.idle_ms) {
        config.detail_idle_ms = config.idle_ms;
    }
    if (config.frame_ms == 0) {
        config.frame_ms = DECK_DEFAULT_FRAME_MS;
    }
    if (config.transition_ms > config.slide_ms) {
        config.transition_ms = config.slide_ms;
    }
    if ((int)config.start_lang < 0 || config.start_lang >= LANG_COUNT) {
        config.start_lang = LANG_EN;
    }
    if (config.idle_warning_ms == 0) {
        config.idle_warning_ms = DECK_DEFAULT_IDLE_WARNING_MS;
    }
    if (config.spring_ms == 0) {
        config.spring_ms = DECK_DEFAULT_SPRING_MS;
    }
    /* NaN fails the comparison too. */
    if (!(config.edge_px > 0.0f && config.edge_px < 1e6f)) {
        config.edge_px = DECK_DEFAULT_EDGE_PX;
    }
    return config;
}

static DeckOutline sanitise_outline(const DeckOutline *in)
{
    DeckOutline outline = {0};
    if (in) {
        outline = *in;
    }
    for (int s = 0; s < SECTION_COUNT; s++) {
        if (outline.pages[s] < 0) {
            outline.pages[s] = 0;
        }
    }
    if (outline.directory) {
        outline.member_details = directory_size(outline.directory);
    } else if (outline.member_details < 0 || outline.pages[SECTION_MEMBERS] == 0) {
        outline.member_details = 0;
    }
    if (outline.story_details < 0 || outline.pages[SECTION_STORIES] == 0) {
        outline.story_details = 0;
    }
    if (outline.members_per_page < 1) {
        outline.members_per_page = 1;
    }
    if (outline.members_per_page_typing < 1) {
        outline.members_per_page_typing = outline.members_per_page;
    }
    return outline;
}

static bool section_valid(int section)
{
    return section >= 0 && section < SECTION_COUNT;
}

static int section_pages(const Deck *deck, SectionId section)
{
    if (section == SECTION_MEMBERS && deck->outline.directory) {
        return deck->member_pages;
    }
    return section_valid((int)section) ? deck->outline.pages[section] : 0;
}

static bool slide_equal(SlideRef a, SlideRef b)
{
    return a.section == b.section && a.page == b.page && a.detail == b.detail;
}

DetailKind deck_detail_kind(SlideRef slide)
{
    if (slide.detail < 0 || !section_valid((int)slide.section)) {
        return DETAIL_NONE;
    }
    return slide.section == SECTION_MEMBERS   ? DETAIL_MEMBER
           : slide.section == SECTION_STORIES ? DETAIL_STORY
                                              : DETAIL_TEXT;
}

/* How many details of the kind slide.detail names there are for slide's page. */
static int detail_count(const Deck *deck, SlideRef slide)
{
    switch (deck_detail_kind(slide)) {
    case DETAIL_MEMBER:
        return deck->outline.member_details;
    case DETAIL_STORY:
        return deck->outline.story_details;
    case DETAIL_TEXT:
        return slide.page >= 0 && slide.page < DECK_MAX_PAGES ? deck->outline.blocks[slide.section][slide.page] : 0;
    case DETAIL_NONE:
    default:
        return 0;
    }
}

static bool slide_exists(const Deck *deck, SlideRef slide)
{
    if (slide.page < 0 || slide.page >= section_pages(deck, slide.section)) {
        return false;
    }
    if (slide.detail == -1) {
        return true;
    }
    return slide.detail >= 0 && slide.detail < detail_count(deck, slide);
}

/* First page of the first non-empty section at or after `from` (wrapping). */
static bool first_page_from(const Deck *deck, int from, SlideRef *out)
{
    for (int i = 0; i < SECTION_COUNT; i++) {
        int s = (from + i) % SECTION_COUNT;
        if (section_pages(deck, (SectionId)s) > 0) {
            *out = (SlideRef){(SectionId)s, 0, -1};
            return true;
        }
    }
    return false;
}

static bool deck_is_empty(const Deck *deck)
{
    SlideRef unused = {0};
    return !first_page_from(deck, 0, &unused);
}

/* Last page of the last non-empty section at or before `from` (wrapping). */
static bool last_page_from(const Deck *deck, int from, SlideRef *out)
{
    for (int i = 0; i < SECTION_COUNT; i++) {
        int s = ((from - i) % SECTION_COUNT + SECTION_COUNT) % SECTION_COUNT;
        if (section_pages(deck, (SectionId)s) > 0) {
            *out = (SlideRef){(SectionId)s, section_pages(deck, (SectionId)s) - 1, -1};
            return true;
        }
    }
    return false;
}

/* The slide one step forward (dir > 0) or back from `slide`: the neighbouring
 * brand or story while one is open, else the neighbouring page of the whole deck
 * (a text detail is left for the page after or before its own).
 * *wrapped reports passing the end (or start) of the sequence. */
static SlideRef neighbour(const Deck *deck, SlideRef slide, int dir, bool *wrapped)
{
    *wrapped = false;
    if (deck_detail_kind(slide) == DETAIL_TEXT) {
        slide.detail = -1;
    } else if (deck_detail_kind(slide) == DETAIL_MEMBER && deck->outline.directory) {
        DirectoryFilter filter = deck_members_current_filter(deck);
        int next = directory_step(deck->outline.directory, &filter, slide.detail, dir);
        if (next >= 0) {
            slide.detail = next;
            return slide;
        }
    }
    if (slide.detail >= 0) {
        int n = detail_count(deck, slide);
        int d = slide.detail + (dir > 0 ? 1 : -1);
        if (d < 0 || d >= n) {
            *wrapped = true;
            d = (d + n) % n;
        }
        slide.detail = d;
        return slide;
    }
    SlideRef out = slide;
    if (dir > 0) {
        if (slide.page + 1 < section_pages(deck, slide.section)) {
            out.page = slide.page + 1;
            return out;
        }
        *wrapped = !first_page_from(deck, (int)slide.section + 1, &out) ||
                   out.section <= slide.section;
        return out;
    }
    if (slide.page > 0) {
        out.page = slide.page - 1;
        return out;
    }
    *wrapped = !last_page_from(deck, (int)slide.section - 1 + SECTION_COUNT, &out) ||
               out.section >= slide.section;
    return out;
}

/* The slide a visitor's page move in direction dir reaches: the neighbouring
 * page within the section (none past its ends), or the neighbouring detail
 * (wrapping; none when there is only one). */
static bool visitor_step(const Deck *deck, SlideRef slide, int dir, SlideRef *out)
{
    if (slide.detail >= 0) {
        bool wrapped = false;
        *out = neighbour(deck, slide, dir, &wrapped);
        return !slide_equal(*out, slide);
    }
    int page = slide.page + (dir > 0 ? 1 : -1);
    if (page < 0 || page >= section_pages(deck, slide.section)) {
        return false;
    }
    *out = slide;
    out->page = page;
    return true;
}

/* The page offset shown now: the finger's (resisted where there is nothing to
 * reveal), or a spring in flight. */
static float shown_drag(const Deck *deck, uint64_t now_ms, bool *reveals, SlideRef *peek)
{
    float offset = deck->drag_px != 0.0f ? deck->drag_px : spring_offset(&deck->spring, now_ms);
    SlideRef next = deck->slide;
    bool has = offset != 0.0f && visitor_step(deck, deck->slide, offset < 0.0f ? 1 : -1, &next);
    if (reveals) {
        *reveals = has;
    }
    if (peek && has) {
        *peek = next;
    }
    if (deck->drag_px != 0.0f && !has) {
        return spring_resist(deck->drag_px, deck->config.edge_px);
    }
    return offset;
}

static void start_spring(Deck *deck, float from_px, float kick_px, bool bounce, uint64_t now_ms)
{
    deck->spring = spring_launch(from_px, kick_px, now_ms, deck->config.spring_ms);
    deck->spring_is_bounce = bounce && deck->spring.active;
    if (deck->spring.active) {
        deck->revision++;
    }
}

static void start_transition(Deck *deck, TransitionKind kind, SlideRef from, Lang from_lang,
                             uint64_t start_ms)
{
    deck->transition = deck->config.transition_ms > 0 ? kind : TRANSITION_NONE;
    deck->from = from;
    deck->from_lang = from_lang;
    deck->transition_start_ms = start_ms;
}

/* Shows `to` with a transition of `kind` starting at start_ms. */
static void show_slide(Deck *deck, SlideRef to, TransitionKind kind, uint64_t start_ms)
{
    if (slide_equal(to, deck->slide)) {
        return;
    }
    start_transition(deck, kind, deck->slide, deck->lang, start_ms);
    deck->story_from_set = false; /* open_story() sets it again after this */
    deck->from_scroll_px = scroll_position(&deck->scroll);
    scroll_reset(&deck->scroll, start_ms);
    deck->slide = to;
    deck->revision++;
    if (!deck_members_takes_search(deck, to)) {
        deck_members_close_keyboard(deck); /* the keyboard belongs to the search's pages */
    }
}

static bool transition_running(const Deck *deck, uint64_t now_ms)
{
    return deck->transition != TRANSITION_NONE &&
           now_ms < deck->transition_start_ms + deck->config.transition_ms;
}

static uint32_t progress_step(const Deck *deck, uint64_t now_ms)
{
    uint32_t steps = deck->config.progress_steps;
    if (steps == 0 || now_ms <= deck->slide_start_ms) {
        return 0;
    }
    uint64_t elapsed = now_ms - deck->slide_start_ms;
    uint64_t step = elapsed * steps / deck->config.slide_ms;
    return step >= steps ? steps - 1 : (uint32_t)step;
}

static void enter_attract(Deck *deck, uint64_t now_ms)
{
    SlideRef first = {0};
    if (!first_page_from(deck, 0, &first)) {
        return;
    }
    start_transition(deck, TRANSITION_FADE_TO_ATTRACT, deck->slide, deck->lang, now_ms);
    deck->from_scroll_px = scroll_position(&deck->scroll);
    scroll_reset(&deck->scroll, now_ms);
    deck->mode = DECK_MODE_ATTRACT;
    deck->slide = first;
    deck->story_from_set = false;
    deck->lang = deck->config.start_lang;
    deck->slide_start_ms = now_ms;
    deck->cycles = 0;
    deck->drag_px = 0.0f;
    deck->spring = (Spring){0};
    deck->idle_step = 0;
    deck->progress_step = 0;
    deck_members_reset(&deck->members);
    deck_members_refresh(deck);
    (void)first_page_from(deck, 0, &deck->slide);
    deck->revision++;
}

void deck_init(Deck *deck, const DeckOutline *outline, const DeckConfig *config, uint64_t now_ms)
{
    memset(deck, 0, sizeof *deck);
    deck->outline = sanitise_outline(outline);
    deck->config = sanitise_config(config);
    deck->mode = DECK_MODE_ATTRACT;
    deck->lang = deck->config.start_lang;
    deck_members_reset(&deck->members);
    deck_members_refresh(deck);
    deck->slide = (SlideRef){SECTION_ABOUT, 0, -1};
    (void)first_page_from(deck, 0, &deck->slide);
    deck->slide_start_ms = now_ms;
    deck->last_input_ms = now_ms;
    scroll_init(&deck->scroll, NULL, now_ms);
    deck->revision = 1;
}

void deck_set_outline(Deck *deck, const DeckOutline *outline, uint64_t now_ms)
{
    bool was_empty = deck_is_empty(deck);
    deck->outline = sanitise_outline(outline);
    deck->revision++;
    deck->drag_px = 0.0f;
    deck->spring = (Spring){0};
    if (deck->members.kind != DIRECTORY_ALL_KINDS && !directory_has_kind(deck->outline.directory, deck->members.kind)) {
        deck->members.kind = DIRECTORY_ALL_KINDS;
        deck->members.revision++;
    }
    deck_members_refresh(deck);
    if (deck_is_empty(deck)) {
        deck->mode = DECK_MODE_ATTRACT;
        deck->transition = TRANSITION_NONE;
        return;
    }
    if (was_empty) {
        (void)first_page_from(deck, 0, &deck->slide);
        deck->transition = TRANSITION_NONE;
        deck->slide_start_ms = now_ms;
        return;
    }
    if (slide_exists(deck, deck->slide)) {
        return;
    }
    SlideRef to = deck->slide;
    to.detail = -1;
    if (!slide_exists(deck, to)) {
        (void)first_page_from(deck, 0, &to);
    }
    show_slide(deck, to, TRANSITION_CROSSFADE, now_ms);
    deck->slide_start_ms = now_ms;
}

/* -1, 0 or 1 as a is before, at or after b in the deck's page order. */
static int compare_position(SlideRef a, SlideRef b)
{
    if (a.section != b.section) {
        return a.section < b.section ? -1 : 1;
    }
    if (a.page != b.page) {
        return a.page < b.page ? -1 : 1;
    }
    return 0;
}

static void goto_section(Deck *deck, int section, uint64_t now_ms)
{
    if (!section_valid(section) || section_pages(deck, (SectionId)section) == 0) {
        return;
    }
    SlideRef to = {(SectionId)section, 0, -1};
    int order = compare_position(to, deck->slide);
    TransitionKind kind = order > 0   ? TRANSITION_SLIDE_LEFT
                          : order < 0 ? TRANSITION_SLIDE_RIGHT
                                      : TRANSITION_CROSSFADE;
    show_slide(deck, to, kind, now_ms);
}

/* A page move; at the section's end a bounce from where the finger let go
 * (released_px), with a push of its own when the finger barely moved. */
static void move_page(Deck *deck, int dir, float released_px, uint64_t now_ms)
{
    SlideRef to = deck->slide;
    if (visitor_step(deck, deck->slide, dir, &to)) {
        show_slide(deck, to, dir > 0 ? TRANSITION_SLIDE_LEFT : TRANSITION_SLIDE_RIGHT, now_ms);
        return;
    }
    float edge = deck->config.edge_px;
    float moved = released_px < 0.0f ? -released_px : released_px;
    float kick = moved < edge / 4.0f ? (dir > 0 ? -edge : edge) / 3.0f : 0.0f;
    start_spring(deck, released_px, kick, true, now_ms);
}

static void open_detail(Deck *deck, int index, uint64_t now_ms)
{
    SlideRef to = deck->slide;
    to.detail = index;
    if (index < 0 || !slide_exists(deck, to)) {
        return;
    }
    /* A brand tile grows into its page; other details (a story, a whole text) fade in. */
    show_slide(deck, to, deck_detail_kind(to) == DETAIL_MEMBER ? TRANSITION_GROW : TRANSITION_CROSSFADE, now_ms);
}

/* A story named on a member's page: the story's page, and Back comes back to the member. */
static void open_story(Deck *deck, int index, uint64_t now_ms)
{
    SlideRef from = deck->slide;
    SlideRef to = {SECTION_STORIES, 0, index};
    if (deck_detail_kind(from) != DETAIL_MEMBER || index < 0 || !slide_exists(deck, to)) {
        return;
    }
    show_slide(deck, to, TRANSITION_CROSSFADE, now_ms);
    deck->story_from = from;
    deck->story_from_set = true;
}

static void close_detail(Deck *deck, uint64_t now_ms)
{
    if (deck->slide.detail < 0) {
        return;
    }
    if (deck->story_from_set && slide_exists(deck, deck->story_from)) {
        show_slide(deck, deck->story_from, TRANSITION_CROSSFADE, now_ms);
        return;
    }
    SlideRef to = deck->slide;
    if (deck_detail_kind(to) == DETAIL_MEMBER && deck->outline.directory) {
        /* Back to the page holding the member shown, after browsing its neighbours. */
        DirectoryFilter filter = deck_members_current_filter(deck);
        int page = directory_page_of(deck->outline.directory, &filter, deck_members_per_page(deck), to.detail);
        to.page = page >= 0 ? page : to.page;
    }
    to.detail = -1;
    if (to.page >= section_pages(deck, to.section)) {
        to.page = 0;
    }
    show_slide(deck, to, TRANSITION_SHRINK, now_ms);
}

static void set_lang(Deck *deck, Lang lang)
{
    if ((int)lang < 0 || lang >= LANG_COUNT || lang == deck->lang) {
        return;
    }
    deck->lang = lang;
    deck_members_refresh(deck);
    deck_members_clamp_page(deck);
    deck->revision++;
}

static void goto_page(Deck *deck, int page, uint64_t now_ms)
{
    if (deck->slide.detail >= 0 || page < 0 || page >= section_pages(deck, deck->slide.section)) {
        return;
    }
    SlideRef to = deck->slide;
    to.page = page;
    int step = page - deck->slide.page;
    TransitionKind kind = step == 1 ? TRANSITION_SLIDE_LEFT : step == -1 ? TRANSITION_SLIDE_RIGHT : TRANSITION_CROSSFADE;
    show_slide(deck, to, kind, now_ms);
}

static void set_drag(Deck *deck, float drag_px)
{
    /* Non-finite offsets (NaN fails every comparison) are treated as none. */
    if (!(drag_px > -1e6f && drag_px < 1e6f)) {
        drag_px = 0.0f;
    }
    if (drag_px != deck->drag_px) {
        deck->drag_px = drag_px;
        deck->revision++;
    }
}

/* A finger on a detail moves its scroll; anywhere else a vertical drag does nothing. */
static void scroll_command(Deck *deck, DeckCommand command, uint64_t now_ms)
{
    if (deck->slide.detail < 0 || deck->mode != DECK_MODE_INTERACTIVE) {
        return;
    }
    float before = scroll_position(&deck->scroll);
    bool was_held = scroll_held(&deck->scroll);
    if (command.kind == DECK_CMD_SCROLL) {
        scroll_drag(&deck->scroll, command.arg.drag_px, now_ms);
    } else {
        scroll_release(&deck->scroll, now_ms);
    }
    if (scroll_position(&deck->scroll) != before || scroll_held(&deck->scroll) != was_held) {
        deck->revision++;
    }
}

void deck_set_scroll_extent(Deck *deck, SlideRef ref, float extent_px, float viewport_px, uint64_t now_ms)
{
    if (!slide_equal(ref, deck->slide)) {
        return;
    }
    float extent = extent_px > 0.0f ? extent_px : 0.0f;
    if (extent == scroll_extent(&deck->scroll) && (viewport_px <= 0.0f || viewport_px == deck->scroll.config.viewport_px)) {
        return;
    }
    scroll_set_extent(&deck->scroll, extent, viewport_px, now_ms);
    deck->revision++;
}

static bool is_visitor_command(DeckCommandKind kind)
{
    return kind != DECK_CMD_SET_LANG && kind != DECK_CMD_ATTRACT && kind != DECK_CMD_NONE;
}

static uint32_t idle_timeout_ms(const Deck *deck)
{
    return deck->slide.detail >= 0 ? deck->config.detail_idle_ms : deck->config.idle_ms;
}

static IdlePhase idle_now(const Deck *deck, uint64_t now_ms)
{
    return idle_phase(deck->last_input_ms, idle_timeout_ms(deck), deck->config.idle_warning_ms, now_ms);
}

void deck_command(Deck *deck, DeckCommand command, uint64_t now_ms)
{
    bool booth = deck->config.profile == DECK_PROFILE_BOOTH;
    if (is_visitor_command(command.kind)) {
        if (!booth || deck_is_empty(deck)) {
            return;
        }
        if (deck->mode == DECK_MODE_ATTRACT) {
            deck->mode = DECK_MODE_INTERACTIVE;
            deck->revision++;
        }
    }
    bool warning = deck->mode == DECK_MODE_INTERACTIVE && idle_now(deck, now_ms).warning;
    if (deck->mode == DECK_MODE_INTERACTIVE) {
        deck->last_input_ms = now_ms;
    }
    if (warning && command.kind != DECK_CMD_ATTRACT && command.kind != DECK_CMD_NONE) {
        /* The visitor answered "Still there?": that is all this command does. */
        deck->idle_step = 0;
        deck->drag_px = 0.0f;
        deck->spring = (Spring){0};
        deck->revision++;
        return;
    }
    /* A page move that ends a drag continues from where the finger let go. */
    float released_px = command.kind == DECK_CMD_DRAG ? 0.0f : shown_drag(deck, now_ms, NULL, NULL);
    TransitionKind before = deck->transition;
    uint64_t before_start = deck->transition_start_ms;
    if (deck->spring.active) {
        deck->spring = (Spring){0};
        deck->revision++;
    }
    if (command.kind != DECK_CMD_DRAG) {
        set_drag(deck, 0.0f);
    }
    switch (command.kind) {
    case DECK_CMD_NEXT_PAGE:
        move_page(deck, 1, released_px, now_ms);
        break;
    case DECK_CMD_PREV_PAGE:
        move_page(deck, -1, released_px, now_ms);
        break;
    case DECK_CMD_GOTO_SECTION:
        goto_section(deck, (int)command.arg.section, now_ms);
        break;
    case DECK_CMD_OPEN_DETAIL:
        open_detail(deck, command.arg.index, now_ms);
        break;
    case DECK_CMD_BACK:
        close_detail(deck, now_ms);
        break;
    case DECK_CMD_OPEN_STORY:
        open_story(deck, command.arg.index, now_ms);
        break;
    case DECK_CMD_SET_LANG:
        set_lang(deck, command.arg.lang);
        break;
    case DECK_CMD_ATTRACT:
        if (deck->mode == DECK_MODE_INTERACTIVE) {
            enter_attract(deck, now_ms);
        }
        break;
    case DECK_CMD_DRAG:
        set_drag(deck, command.arg.drag_px);
        break;
    case DECK_CMD_DRAG_END:
        start_spring(deck, released_px, 0.0f, false, now_ms);
        break;
    case DECK_CMD_SCROLL:
    case DECK_CMD_SCROLL_END:
        scroll_command(deck, command, now_ms);
        break;
    case DECK_CMD_GOTO_PAGE:
        goto_page(deck, command.arg.index, now_ms);
        break;
    case DECK_CMD_FILTER_KIND:
        deck_members_filter_kind(deck, command.arg.index);
        break;
    case DECK_CMD_KEYBOARD_OPEN:
    case DECK_CMD_KEYBOARD_CLOSE:
    case DECK_CMD_KEYBOARD_LAYOUT:
        deck_members_keyboard_command(deck, command);
        break;
    case DECK_CMD_TEXT_INPUT:
    case DECK_CMD_TEXT_BACKSPACE:
    case DECK_CMD_TEXT_CLEAR:
        deck_members_text_command(deck, command);
        break;
    case DECK_CMD_NONE:
    case DECK_CMD_WAKE:
    case DECK_CMD_READ_ALOUD:
    case DECK_CMD_SCRUB:
    case DECK_CMD_LEAD_FORM:
    case DECK_CMD_KIND_COUNT:
    default:
        break;
    }
    bool started = deck->transition != before || deck->transition_start_ms != before_start;
    if (started) {
        bool sliding = deck->transition == TRANSITION_SLIDE_LEFT || deck->transition == TRANSITION_SLIDE_RIGHT;
        deck->transition_from_px = sliding ? released_px : 0.0f;
    }
}

/* The attract loop's next slide and its language: the language turns when the loop wraps
 * at the end of every lang_rotate_cycles-th cycle. */
static SlideRef attract_next(const Deck *deck, Lang *lang, bool *wrapped)
{
    SlideRef to = neighbour(deck, deck->slide, 1, wrapped);
    uint32_t every = deck->config.lang_rotate_cycles;
    *lang = deck->lang;
    if (*wrapped && every > 0 && (deck->cycles + 1) % every == 0) {
        *lang = (Lang)(((int)deck->lang + 1) % LANG_COUNT);
    }
    return to;
}

static void advance_attract(Deck *deck, uint64_t now_ms)
{
    uint64_t due = deck->slide_start_ms + deck->config.slide_ms;
    if (now_ms < due) {
        return;
    }
    bool wrapped = false;
    Lang next_lang = deck->lang;
    SlideRef to = attract_next(deck, &next_lang, &wrapped);
    SlideRef from = deck->slide;
    Lang from_lang = deck->lang;
    if (wrapped) {
        deck->cycles++;
    }
    deck->lang = next_lang;
    /* Keep the loop's rhythm after a slightly late wake; after a long stall
     * (suspend, debugger) restart the slide timer instead of racing ahead. */
    uint64_t start = now_ms - due < deck->config.slide_ms ? due : now_ms;
    deck->slide = to;
    deck->slide_start_ms = start;
    deck->progress_step = 0;
    if (!slide_equal(from, to) || from_lang != deck->lang) {
        start_transition(deck, TRANSITION_CROSSFADE, from, from_lang, start);
    }
    deck->revision++;
}

void deck_tick(Deck *deck, uint64_t now_ms)
{
    if (deck->transition != TRANSITION_NONE && !transition_running(deck, now_ms)) {
        deck->transition = TRANSITION_NONE;
        deck->revision++;
    }
    if (deck->spring.active && !spring_running(&deck->spring, now_ms)) {
        deck->spring = (Spring){0};
        deck->revision++;
    }
    bool was_moving = scroll_moving(&deck->scroll);
    if (scroll_tick(&deck->scroll, now_ms) || was_moving != scroll_moving(&deck->scroll)) {
        deck->revision++;
    }
    if (deck_is_empty(deck)) {
        return;
    }
    if (deck->mode == DECK_MODE_INTERACTIVE) {
        IdlePhase idle = idle_now(deck, now_ms);
        if (idle.expired) {
            enter_attract(deck, now_ms);
        } else if (idle.seconds_left != deck->idle_step) {
            deck->idle_step = idle.seconds_left;
            deck->revision++;
        }
        return;
    }
    advance_attract(deck, now_ms);
    uint32_t step = progress_step(deck, now_ms);
    if (step != deck->progress_step) {
        deck->progress_step = step;
        deck->revision++;
    }
}

void deck_frame(const Deck *deck, uint64_t now_ms, DeckFrame *out)
{
    memset(out, 0, sizeof *out);
    out->revision = deck->revision;
    out->members = deck->members;
    out->mode = deck->mode;
    out->lang = deck->lang;
    out->progress = 1.0f;
    if (deck_is_empty(deck)) {
        out->empty = true;
        return;
    }
    out->slide = deck->slide;
    out->section_pages = section_pages(deck, deck->slide.section);
    if (transition_running(deck, now_ms)) {
        out->transition = deck->transition;
        out->from = deck->from;
        out->from_lang = deck->from_lang;
        out->progress = easing_in_out_cubic(easing_progress(
            deck->transition_start_ms, deck->config.transition_ms, now_ms));
        out->transition_from_px = deck->transition_from_px;
        out->from_scroll_px = deck->from_scroll_px;
    }
    out->scroll_px = scroll_position(&deck->scroll);
    out->scroll_extent = scroll_extent(&deck->scroll);
    out->scroll_active = scroll_held(&deck->scroll) || scroll_moving(&deck->scroll);
    out->show_chrome = deck->mode == DECK_MODE_INTERACTIVE;
    if (deck->mode == DECK_MODE_ATTRACT && deck->config.progress_steps > 0) {
        out->show_progress = true;
        out->attract_progress =
            (float)progress_step(deck, now_ms) / (float)deck->config.progress_steps;
    }
    out->drag_px = shown_drag(deck, now_ms, &out->has_peek, &out->peek);
    out->springing = deck->drag_px == 0.0f && spring_running(&deck->spring, now_ms);
    out->edge_bounce = out->springing && deck->spring_is_bounce;
    if (deck->mode == DECK_MODE_INTERACTIVE) {
        IdlePhase idle = idle_now(deck, now_ms);
        out->idle_warning = idle.warning;
        out->idle_seconds_left = idle.seconds_left;
    }
}

static uint64_t earliest(uint64_t a, uint64_t b)
{
    return a < b ? a : b;
}

/* Attract: the next indicator step or slide change, whichever comes first. */
static uint64_t attract_deadline(const Deck *deck)
{
    uint64_t slide_end = deck->slide_start_ms + deck->config.slide_ms;
    uint32_t steps = deck->config.progress_steps;
    if (steps == 0) {
        return slide_end;
    }
    uint64_t next_step = (uint64_t)deck->progress_step + 1;
    if (next_step >= steps) {
        return slide_end;
    }
    /* Smallest elapsed time whose step (elapsed * steps / slide_ms) reaches next_step. */
    uint64_t elapsed = (next_step * deck->config.slide_ms + steps - 1) / steps;
    return earliest(slide_end, deck->slide_start_ms + elapsed);
}

uint64_t deck_next_deadline_ms(const Deck *deck, uint64_t now_ms)
{
    uint64_t deadline = UINT64_MAX;
    if (deck->transition != TRANSITION_NONE) {
        uint64_t end = deck->transition_start_ms + deck->config.transition_ms;
        deadline = end <= now_ms ? now_ms : earliest(now_ms + deck->config.frame_ms, end);
    }
    if (deck->spring.active) {
        uint64_t end = spring_end_ms(&deck->spring);
        deadline = earliest(deadline, end <= now_ms ? now_ms : earliest(now_ms + deck->config.frame_ms, end));
    }
    if (scroll_moving(&deck->scroll)) {
        deadline = earliest(deadline, now_ms + deck->config.frame_ms);
    }
    if (!deck_is_empty(deck)) {
        if (deck->mode == DECK_MODE_INTERACTIVE) {
            deadline = earliest(deadline, idle_next_change_ms(deck->last_input_ms, idle_timeout_ms(deck),
                                                              deck->config.idle_warning_ms, now_ms));
        } else {
            deadline = earliest(deadline, attract_deadline(deck));
        }
    }
    return deadline < now_ms ? now_ms : deadline;
}

bool deck_next_attract_slide(const Deck *deck, SlideRef *slide, Lang *lang, uint64_t *at_ms)
{
    if (deck_is_empty(deck) || deck->mode != DECK_MODE_ATTRACT) {
        return false;
    }
    bool wrapped = false;
    *slide = attract_next(deck, lang, &wrapped);
    *at_ms = deck->slide_start_ms + deck->config.slide_ms;
    return true;
}

uint32_t deck_revision(const Deck *deck)
{
    return deck->revision;
}
