// Placeholder; the loader is being written.
#include "rules/catalog.h"
