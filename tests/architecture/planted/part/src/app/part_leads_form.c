/* the leads part, second file */
#include "app/part_leads.h"
