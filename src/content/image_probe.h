/* image_probe.h — tells PNG from JPEG by content and reads the pixel size an image
 * declares, without decoding it. Used by the builder (to reject bad image files) and the
 * loader (to check that a pack's image rows say what their bytes say). Pure. */
#ifndef FACTS_CONTENT_IMAGE_PROBE_H
#define FACTS_CONTENT_IMAGE_PROBE_H

#include "content/content.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct ImageProbe {
    ImageFormat format;
    long width;
    long height;
} ImageProbe;

/* Reads format and size from the first bytes of an encoded image. Returns false (with a
 * message in why) when the bytes are neither a PNG nor a baseline/progressive JPEG with a
 * readable frame header. */
bool image_probe(const unsigned char *bytes, size_t size, ImageProbe *out, char *why, size_t why_size);

/* "png" or "jpeg". */
const char *image_format_name(ImageFormat format);

#endif
