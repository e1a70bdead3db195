/* The Windows headers a Windows binding is written against. */
#define WIN32_LEAN_AND_MEAN
#define UNICODE
#include <windows.h>
