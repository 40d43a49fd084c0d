/* image_probe.c — PNG IHDR and JPEG SOFn parsing; see image_probe.h. */
#include "content/image_probe.h"

#include <stdio.h>
#include <string.h>

static const unsigned char PNG_SIGNATURE[8] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

static unsigned long be32(const unsigned char *p)
{
    return ((unsigned long)p[0] << 24) | ((unsigned long)p[1] << 16) | ((unsigned long)p[2] << 8) | p[3];
}

static unsigned be16(const unsigned char *p)
{
    return (unsigned)((p[0] << 8) | p[1]);
}

static bool probe_png(const unsigned char *bytes, size_t size, ImageProbe *out, char *why, size_t why_size)
{
    /* Signature, then the IHDR chunk: length(4) "IHDR" width(4) height(4). */
    if (size < 24 || memcmp(bytes + 12, "IHDR", 4) != 0) {
        snprintf(why, why_size, "PNG without a header chunk");
        return false;
    }
    out->format = IMAGE_FORMAT_PNG;
    out->width = (long)be32(bytes + 16);
    out->height = (long)be32(bytes + 20);
    return true;
}

/* Start-of-frame markers carry the size; C4 (DHT), C8 (JPG) and CC (DAC) share the range. */
static bool is_start_of_frame(unsigned char marker)
{
    return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

static bool probe_jpeg(const unsigned char *bytes, size_t size, ImageProbe *out, char *why, size_t why_size)
{
    size_t i = 2;
    while (i + 4 <= size) {
        if (bytes[i] != 0xFF) {
            break;
        }
        unsigned char marker = bytes[i + 1];
        if (marker == 0xFF) {
            i++; /* fill byte */
            continue;
        }
        if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
            i += 2; /* markers without a length */
            continue;
        }
        if (marker == 0xD9 || marker == 0xDA) {
            break; /* end of image or start of scan before any frame header */
        }
        size_t length = be16(bytes + i + 2);
        if (length < 2) {
            break;
        }
        if (is_start_of_frame(marker)) {
            if (i + 9 > size || length < 7) {
                break;
            }
            out->format = IMAGE_FORMAT_JPEG;
            out->height = (long)be16(bytes + i + 5);
            out->width = (long)be16(bytes + i + 7);
            return true;
        }
        i += 2 + length;
    }
    snprintf(why, why_size, "JPEG without a readable frame header");
    return false;
}

bool image_probe(const unsigned char *bytes, size_t size, ImageProbe *out, char *why, size_t why_size)
{
    if (size >= sizeof PNG_SIGNATURE && memcmp(bytes, PNG_SIGNATURE, sizeof PNG_SIGNATURE) == 0) {
        return probe_png(bytes, size, out, why, why_size);
    }
    if (size >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF) {
        return probe_jpeg(bytes, size, out, why, why_size);
    }
    snprintf(why, why_size, "not a PNG or JPEG image");
    return false;
}

const char *image_format_name(ImageFormat format)
{
    return format == IMAGE_FORMAT_JPEG ? "jpeg" : "png";
}
