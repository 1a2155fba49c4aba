/* import.c: placeholder. */
#include "config.h"
#include "import.h"
