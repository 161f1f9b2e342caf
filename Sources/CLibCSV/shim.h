#ifndef PLAINT_CLIBCSV_SHIM_H
#define PLAINT_CLIBCSV_SHIM_H
#include <csv.h>
#endif
