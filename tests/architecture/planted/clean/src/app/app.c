/* the table of parts */
#include "app/core.h"
#include "app/part_updates.h"
#include "app/part_leads.h"
#include "visits/visits.h"
#include "staff/staff.h"
#include "platform/input.h"
#include <SDL2/SDL.h>
#include <sqlite3.h>
