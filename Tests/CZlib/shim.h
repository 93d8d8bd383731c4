#ifndef FORMCHECK_CZLIB_SHIM_H
#define FORMCHECK_CZLIB_SHIM_H
#include <zlib.h>
#endif
