#ifndef PLAINT_CZSTD_SHIM_H
#define PLAINT_CZSTD_SHIM_H
#include <zstd.h>
#endif
