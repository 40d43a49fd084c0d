/* report.c — update-report.txt on the stick; see report.h. */
#define _POSIX_C_SOURCE 200809L
#include "update/report.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

enum { REPORT_MAX_BYTES = 2048 };

static int format_report(const UpdateResult *r, char *out, size_t out_size)
{
    char message[UPDATE_TEXT_MAX * 2] = {0};
    char when[64] = "unknown time";
    time_t now = time(NULL);
    struct tm utc = {0};

    if (now != (time_t)-1 && gmtime_r(&now, &utc) != NULL) {
        strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S UTC", &utc);
    }
    update_message_en(r, message, sizeof message);
    return snprintf(out, out_size,
                    "FACTS Kiosk update report\n"
                    "time: %s\n"
                    "result: %s\n"
                    "step: %s\n"
                    "message: %s\n"
                    "message id: %s\n"
                    "pack version: %" PRId64 "\n"
                    "installed version before: %" PRId64 "\n",
                    when, update_outcome_name(r->outcome), update_step_name(r->step), message,
                    update_message_id(r->message), r->pack_version, r->installed_version);
}

bool report_write(int pack_dir_fd, const UpdateResult *result)
{
    char text[REPORT_MAX_BYTES] = {0};
    FsioFile file = {0};
    int len = format_report(result, text, sizeof text);
    bool ok = false;

    if (len < 0) {
        return false;
    }
    if ((size_t)len >= sizeof text) {
        len = (int)sizeof text - 1;
    }
    /* No O_TRUNC before we know it is a regular file. */
    if (fsio_open_regular(pack_dir_fd, WATCH_REPORT_NAME, O_WRONLY | O_CREAT, 0644, &file) != FSIO_OK) {
        return false;
    }
    if (ftruncate(file.fd, 0) == 0 && fsio_write_all(file.fd, text, (size_t)len) == 0 && fsync(file.fd) == 0) {
        ok = true;
    }
    if (close(file.fd) != 0) {
        ok = false;
    }
    return ok;
}
