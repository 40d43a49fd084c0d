#include "app/part_leads.h"
#include "leads/leads.h"
