/* report.c — update-report.txt on the stick; see report.h. The text is made by update.c
 * (report_text), which knows the result's words. */
#define _POSIX_C_SOURCE 200809L
#include "update/report.h"

#include <fcntl.h>
#include <unistd.h>

#include "durable/fsio.h"
#include "update/watch.h"

bool report_write(int pack_dir_fd, const char *text, size_t len)
{
    FsioFile file = {0};
    bool ok = false;

    /* No O_TRUNC before we know it is a regular file. */
    if (fsio_open_regular(pack_dir_fd, WATCH_REPORT_NAME, O_WRONLY | O_CREAT, 0644, &file) != FSIO_OK) {
        return false;
    }
    if (ftruncate(file.fd, 0) == 0 && fsio_write_all(file.fd, text, len) == 0 && fsync(file.fd) == 0) {
        ok = true;
    }
    if (close(file.fd) != 0) {
        ok = false;
    }
    return ok;
}
