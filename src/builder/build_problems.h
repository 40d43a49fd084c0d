/* build_problems.h — every problem of one build, kept (a copy of each BuildProblem), for
 * showing them later in any language: the command line's summary (errors first, then the
 * warnings summed up by kind with the first few of each), the staff panel's list and the
 * whole report written to a file or a stick (import-report.txt). */
#ifndef FACTS_BUILDER_BUILD_PROBLEMS_H
#define FACTS_BUILDER_BUILD_PROBLEMS_H

#include "builder/build_messages.h"
#include "builder/builder.h"
#include "core/lang.h"

#include <stddef.h>

typedef struct BuildProblems BuildProblems;

/* How many warnings of one kind a summary shows before "… and N more". */
enum { BUILD_SUMMARY_SHOWN_PER_KIND = 3 };

/* An empty set of problems; NULL when out of memory. */
BuildProblems *build_problems_create(void);

/* Frees problems and everything it holds. NULL is a no-op. */
void build_problems_destroy(BuildProblems *problems);

/* Makes report feed problems: every problem builder_build() reports through report is
 * kept in problems too (the report's each callback and counts go on as before). problems
 * must outlive the build. */
void build_problems_attach(BuildProblems *problems, BuilderReport *report);

/* From now on a problem in a file inside folder names the file by its path within it
 * ("content.xlsx, sheet …", "members.csv:4: …"), as staff see it on their stick, not by the
 * kiosk's mount point. False when out of memory (then files keep their paths). */
bool build_problems_name_within(BuildProblems *problems, const char *folder);

/* Keeps a copy of problem (the builder calls this; so may a test). A copy that cannot be
 * made for lack of memory is counted but not kept. */
void build_problems_add(BuildProblems *problems, const BuildProblem *problem);

/* How many errors (they stop the pack being written) and warnings were reported, also any
 * not kept for lack of memory. 0 for NULL. */
size_t build_problems_error_count(const BuildProblems *problems);
size_t build_problems_warning_count(const BuildProblems *problems);

/* The kept problem at index (in the order reported), or NULL past the end. */
const BuildProblem *build_problems_at(const BuildProblems *problems, size_t index);

/* The summary in lang: errors first (all), then warnings summed up by kind (in the order
 * each kind was first seen) with the first BUILD_SUMMARY_SHOWN_PER_KIND of each shown;
 * one line per call of line(ctx, text). Nothing for no problems. */
void build_problems_summary(const BuildProblems *problems, Lang lang, void (*line)(void *ctx, const char *text),
                            void *ctx);

/* The whole report (every error and every warning) as text in lang, one problem a line,
 * for import-report.txt or `pack build --report FILE`. malloc'd, caller frees; NULL when
 * out of memory. */
char *build_problems_report_text(const BuildProblems *problems, Lang lang);

#endif
