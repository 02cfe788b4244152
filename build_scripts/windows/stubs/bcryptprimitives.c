/* Stand-in for bcryptprimitives.dll!ProcessPrng, for Wine 8 only: Rust 1.78 and later (the
   python-calamine extension) take their random numbers from it; Windows 10/11 have it and Wine
   gained it in 8.13. RtlGenRandom (advapi32's SystemFunction036) is the system's CSPRNG. */
#include <windows.h>
#include <ntsecapi.h>

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size) {
    while (size > 0) {
        ULONG part = size > 0x40000000 ? 0x40000000 : (ULONG)size;
        if (!RtlGenRandom(data, part)) return FALSE;
        data += part;
        size -= part;
    }
    return TRUE;
}
