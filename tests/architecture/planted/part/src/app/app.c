/* the table of parts */
#include "app/part_leads.h"
#include "app/part_staff.h"
