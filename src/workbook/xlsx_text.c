/* xlsx_text.c — cell values → texts; see xlsx_text.h. */
#include "workbook/xlsx_text.h"

#include "core/utf8.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    WHOLE_LIMIT = 1000000000, /* with WHOLE_LIMIT_SCALE: 10^15, well inside a double's 2^53 */
    MAX_DIGITS = 17,          /* %.17g always reads back as the same double */
    LAST_SERIAL = 2958465,    /* 9999-12-31 in the 1900 system */
    FICTITIOUS_LEAP_DAY = 60, /* Excel's 1900-02-29 */
};
static const double WHOLE_LIMIT_SCALE = 1000000.0;

void xlsx_text_number(double value, char *out, size_t size)
{
    if (value == floor(value) && fabs(value) < (double)WHOLE_LIMIT * WHOLE_LIMIT_SCALE) {
        snprintf(out, size, "%lld", (long long)value);
        return;
    }
    for (int digits = 1; digits <= MAX_DIGITS; digits++) {
        snprintf(out, size, "%.*g", digits, value);
        if (strtod(out, NULL) == value) {
            return;
        }
    }
}

/* Howard Hinnant's civil_from_days: days since 1970-01-01 → year, month, day. */
static void civil_from_days(long long days, long long *year, int *month, int *day)
{
    days += 719468;
    long long era = (days >= 0 ? days : days - 146096) / 146097;
    long long day_of_era = days - era * 146097;
    long long year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    long long day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    long long shifted_month = (5 * day_of_year + 2) / 153;
    *day = (int)(day_of_year - (153 * shifted_month + 2) / 5 + 1);
    *month = (int)(shifted_month < 10 ? shifted_month + 3 : shifted_month - 9);
    *year = year_of_era + era * 400 + (*month <= 2);
}

bool xlsx_text_date(double serial, bool date1904, char *out, size_t size)
{
    /* Days from 1970-01-01 to each system's day 0: 1899-12-30 (1900, from day 61 on) and
     * 1904-01-01. A time of day (the fraction) is dropped. */
    enum { EPOCH_1900 = -25569, EPOCH_1904 = -24107, LEAP_YEARS_FIX = 1 };
    if (!(serial >= (date1904 ? 0 : 1)) || serial > LAST_SERIAL) {
        return false;
    }
    long long whole = (long long)floor(serial);
    if (!date1904 && whole == FICTITIOUS_LEAP_DAY) {
        snprintf(out, size, "1900-02-29"); /* what Excel shows; the builder refuses it as a date */
        return true;
    }
    /* Before day 60 the 1900 system counts from 1899-12-31. */
    long long days = date1904 ? EPOCH_1904 + whole
                              : EPOCH_1900 + whole + (whole < FICTITIOUS_LEAP_DAY ? LEAP_YEARS_FIX : 0);
    long long year = 0;
    int month = 0;
    int day = 0;
    civil_from_days(days, &year, &month, &day);
    snprintf(out, size, "%04lld-%02d-%02d", year, month, day);
    return true;
}

bool xlsx_text_builtin_is_date(long format_id)
{
    return (format_id >= 14 && format_id <= 22) || (format_id >= 45 && format_id <= 47);
}

bool xlsx_text_code_is_date(const char *code)
{
    for (const char *c = code; *c; c++) {
        switch (*c) {
        case '"':
            c = strchr(c + 1, '"');
            if (!c) {
                return false;
            }
            break;
        case '[':
            c = strchr(c + 1, ']');
            if (!c) {
                return false;
            }
            break;
        case '\\':
        case '_':
        case '*':
            if (!c[1]) {
                return false;
            }
            c++;
            break;
        case 'd': case 'D': case 'm': case 'M': case 'y': case 'Y':
            return true;
        default:
            break;
        }
    }
    return false;
}

static int hex_value(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

/* The code point of an _xHHHH_ escape at s, or -1. */
static long escape_at(const char *s)
{
    if (s[0] != '_' || s[1] != 'x') {
        return -1;
    }
    long code = 0;
    for (int i = 2; i < 6; i++) {
        int digit = hex_value(s[i]);
        if (digit < 0) {
            return -1;
        }
        code = code * 16 + digit;
    }
    return s[6] == '_' ? code : -1;
}

void xlsx_text_unescape(char *text)
{
    enum { ESCAPE_LENGTH = 7, SURROGATE_FIRST = 0xD800, SURROGATE_LAST = 0xDFFF };
    char *out = text;
    for (const char *in = text; *in;) {
        long code = escape_at(in);
        if (code > 0 && (code < SURROGATE_FIRST || code > SURROGATE_LAST)) {
            out += utf8_encode((uint32_t)code, out); /* 3 bytes at most: the escape is 7 */
            in += ESCAPE_LENGTH;
        } else {
            *out++ = *in++;
        }
    }
    *out = '\0';
}
