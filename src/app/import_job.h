/* import_job.h — content taken at the kiosk (issue 17): the work the update worker does for a
 * staff import, off the render loop. import_job_build() picks the staff's sources in a stick's
 * facts-kiosk/edit folder (content.xlsx, else the CSV files beside it), builds them with the
 * pack builder into the state directory (STORE_IMPORT_NAME), puts the result through the same
 * acceptance check as an update (update_check_import) and writes the stick's
 * edit/import-report.txt; import_job_install() installs the built pack through the store
 * (update_install_import) and says so in the same report. Nothing else on the stick changes.
 * Both block: the worker runs them (update_worker.h); progress goes through the Updater's
 * progress hook as update steps (find, copy = build, check, install). */
#ifndef FACTS_APP_IMPORT_JOB_H
#define FACTS_APP_IMPORT_JOB_H

#include "core/lang.h"
#include "update/update.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define IMPORT_WORKBOOK_NAME "content.xlsx"
#define IMPORT_REPORT_NAME "import-report.txt"
#define IMPORT_HOW_TO_NAME "how-to-edit.txt"

enum {
    IMPORT_LINES_MAX = 5000, /* summary lines kept (errors are all listed); the counts go on */
    IMPORT_WHY_MAX = 256,
};

/* What a build found. The lines are the summary of its problems in the staff's language
 * (build_problems_summary: every error, then the warnings summed up by kind with the first
 * few of each); the stick's report (import-report.txt) has every one of them. */
typedef struct ImportBuild {
    char source[4096];          /* the workbook, or the edit folder of CSV files */
    bool csv_not_used;          /* a workbook and CSV files beside it: the CSV files were not used */
    bool built;                 /* the builder wrote the pack (no errors) */
    bool accepted;              /* and it passed the acceptance check */
    bool cancelled;             /* the kiosk stopped during the check */
    size_t error_count;
    size_t warning_count;
    char **lines;               /* the summary, one line each (at most IMPORT_LINES_MAX) */
    size_t line_count;
    char why[IMPORT_WHY_MAX];   /* not built or not accepted for another reason: why (English) */
    char summary[UPDATE_TEXT_MAX]; /* accepted: "version 7, 14 members, ..." */
    int64_t version;            /* accepted: the pack's version, its base once installed */
} ImportBuild;

/* Builds edit_dir's sources into out_path (a file in u's state directory) and checks the
 * result with u's acceptance hook (which, in the worker, keeps the accepted pack loaded);
 * writes edit_dir/import-report.txt in lang (every problem: build_problems_report_text). Fills *out (zeroed first; free its lines with
 * import_build_free). A pack that is not accepted is removed. Refuses an edit folder that
 * is a symbolic link or holds one (edit/ and edit/images/): a link on a stick could point
 * the builder at the kiosk's own files. */
void import_job_build(Updater *u, const char *edit_dir, const char *out_path, Lang lang, ImportBuild *out);

/* Frees what import_job_build() put in *build (its lines). A zeroed ImportBuild is a no-op. */
void import_build_free(ImportBuild *build);

/* "Copy content to stick": writes the pack at pack_path as kiosk_dir/edit/content.xlsx with
 * its images/ beside it (workbook_export) and a short how-to-edit.txt in English, Serbian
 * Latin and Serbian Cyrillic, making kiosk_dir (a stick's facts-kiosk folder) and edit/ when
 * missing; nothing else on the stick changes. Refuses folders that are symbolic links.
 * False with why (English) on failure. Blocks: the worker runs it. */
bool import_job_copy(const char *kiosk_dir, const char *pack_path, char *why, size_t why_size);

/* Installs built_path (accepted by import_job_build) with its base version through the store,
 * and adds the outcome to edit_dir's import-report.txt when the stick is still there. Fills
 * *out as update_install_import() does. */
void import_job_install(Updater *u, const char *edit_dir, const char *built_path, int64_t base_version, Lang lang,
                        UpdateResult *out);

#endif
