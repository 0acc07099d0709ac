#ifndef NEWSD_CGUMBO_SHIM_H
#define NEWSD_CGUMBO_SHIM_H
/* Google's HTML5 parser (Debian's libgumbo-dev): bytes of UTF-8 in, a DOM tree out. */
#include <gumbo.h>
#endif
