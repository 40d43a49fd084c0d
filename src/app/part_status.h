/* part_status.h — the status report, a part of the running kiosk (part.h; part_status.c):
 * status.json through the store every status_seconds and after each update attempt (and the
 * same figures in Prometheus' text format to prometheus_file), the same report to report_url
 * (a poster's thread) every report_minutes and when an attempt changed it, and every
 * screenshot_minutes a picture of the frame on screen (screen.jpg, and to report_url as
 * image/jpeg), never while a private layer is on top. */
#ifndef FACTS_APP_PART_STATUS_H
#define FACTS_APP_PART_STATUS_H

#include "app/part.h"
#include "app/status.h"
#include "update/update.h"

#include <stdbool.h>
#include <stdint.h>

/* start: the kiosk id and the poster (report_url); the first report is due at once and
 * written right after the first frame (app.c, app_start_after_first_frame). stop: stops the
 * poster (a POST in flight is dropped at once). */
extern const Part part_status;

/* Every loop turn: samples the frame count (last_frame); asks the core for a picture of the
 * screen when one is due and saves it once read; writes status.json and posts when due (none
 * of it while updating: the worker owns the store). */
void part_status_tick(App *app, uint64_t now_ms, bool updating);
/* When part_status_tick() has something to do next (UINT64_MAX: nothing). */
uint64_t part_status_deadline(const App *app, bool updating);
/* An update attempt from source (a stick's folder, a URL) starts; at its end (result), the
 * report is written at once (status.h, status_note_attempt: last_update keeps what installed
 * or refused something, last_poll the polls) and posted when that changed it. */
void part_status_attempt_begin(App *app, const char *source);
void part_status_attempt_end(App *app, const UpdateResult *result, uint64_t now_ms);
/* A touch or key: the report's last_touch. */
void part_status_touched(App *app, uint64_t now_ms);
/* The kiosk id ("" before the part started) and the last update attempt, as reported. */
const char *part_status_kiosk_id(const App *app);
const StatusUpdate *part_status_last_update(const App *app);

#endif
