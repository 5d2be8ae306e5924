#ifndef CREADLINE_SHIM_H
#define CREADLINE_SHIM_H
// readline.h uses FILE without including <stdio.h>, so include it first.
#include <stdio.h>
#include <readline/readline.h>
#include <readline/history.h>
#endif
