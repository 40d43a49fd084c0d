/* planted: report.c includes the internal header */
#include "update/report.h"
#include "update/pipeline.h"
