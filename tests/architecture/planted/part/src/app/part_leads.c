/* planted: the leads part includes the staff part */
#include "app/part_leads.h"
#include "app/part_staff.h"
