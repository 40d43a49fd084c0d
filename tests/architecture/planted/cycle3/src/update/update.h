/* planted: update.h includes report.h */
#include "update/report.h"
