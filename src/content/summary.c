/* summary.c — pack counts and the `pack check` summary; see summary.h. */
#include "content/summary.h"

ContentCounts content_counts(const Content *content)
{
    ContentCounts counts = {
        .about_items = content->about_item_count,
        .figures = content->figure_count,
        .members = content->member_count,
        .stories = content->story_count,
        .missions = content->mission_count,
        .partner_clusters = content->partner_cluster_count,
        .programmes = content->programme_count,
        .contacts = content->contact_count,
        .images = content->image_count,
    };
    for (size_t i = 0; i < content->image_count; i++) {
        counts.image_bytes += content->images[i].data.size;
    }
    /* The loader requires every language of every required text, so a loaded pack has all. */
    counts.languages = LANG_COUNT;
    return counts;
}

void content_print_summary(const Content *content, FILE *out)
{
    ContentCounts counts = content_counts(content);
    fprintf(out, "pack: %s\n", local_text(&content->pack.title, LANG_EN));
    fprintf(out, "version: %lld (created %s)\n", (long long)content->pack.version, content->pack.created_at);
    fprintf(out, "organisation: %s — %s, founded %s\n", content->organisation.short_name,
            local_text(&content->organisation.name, LANG_EN), content->organisation.founded);
    fprintf(out, "languages:");
    for (int l = 0; l < counts.languages; l++) {
        fprintf(out, " %s", lang_tag((Lang)l));
    }
    fprintf(out, "\n");
    fprintf(out, "about: %zu items, %zu key figures\n", counts.about_items, counts.figures);
    fprintf(out, "members: %zu\n", counts.members);
    fprintf(out, "success stories: %zu\n", counts.stories);
    fprintf(out, "cooperation: %zu missions, %zu partner clusters, %zu programmes\n", counts.missions,
            counts.partner_clusters, counts.programmes);
    fprintf(out, "contacts: %zu\n", counts.contacts);
    if (content->event_count) { /* a pack without an event says what it always said */
        fprintf(out, "events: %zu (%zu sessions, %zu meetings, %zu announcements)\n", content->event_count,
                content->session_count, content->meeting_count, content->announcement_count);
    }
    fprintf(out, "images: %zu (%zu bytes)\n", counts.images, counts.image_bytes);
}
