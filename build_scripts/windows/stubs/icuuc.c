/* Stand-in for Windows' own icuuc.dll, for Wine 8 only (Windows 10 1703 and later ship the real
   one, so it never goes into the bundle). Qt6Core imports these ucnv_* functions for the extra
   codecs of QStringConverter; opening any converter fails here, and Qt then keeps to its built-in
   UTF and Latin-1 codecs, which is all evaldesk uses. */
#include <stdint.h>
#define EXPORT __declspec(dllexport)
#define U_FILE_ACCESS_ERROR 4
#define U_UNSUPPORTED_ERROR 16

static void unsupported(int *status) { if (status && *status <= 0) *status = U_UNSUPPORTED_ERROR; }

EXPORT void *ucnv_open(const char *name, int *status) {
    (void)name;
    if (status) *status = U_FILE_ACCESS_ERROR;
    return 0;
}
EXPORT void ucnv_close(void *cnv) { (void)cnv; }
EXPORT void ucnv_reset(void *cnv) { (void)cnv; }
EXPORT int8_t ucnv_getMaxCharSize(const void *cnv) { (void)cnv; return 1; }
EXPORT const char *ucnv_getName(const void *cnv, int *status) { (void)cnv; unsupported(status); return 0; }
EXPORT const char *ucnv_getStandardName(const char *name, const char *standard, int *status) {
    (void)name; (void)standard; unsupported(status); return 0;
}
EXPORT const char *ucnv_getAvailableName(int32_t n) { (void)n; return 0; }
EXPORT int32_t ucnv_countAvailable(void) { return 0; }
EXPORT void UCNV_FROM_U_CALLBACK_SUBSTITUTE(void *a, void *b, void *c, int32_t d, int32_t e, int f, int *status) {
    (void)a; (void)b; (void)c; (void)d; (void)e; (void)f; unsupported(status);
}
EXPORT void UCNV_TO_U_CALLBACK_SUBSTITUTE(void *a, void *b, void *c, int32_t d, int e, int *status) {
    (void)a; (void)b; (void)c; (void)d; (void)e; unsupported(status);
}
EXPORT void ucnv_getToUCallBack(const void *cnv, void **action, const void **context) {
    (void)cnv; if (action) *action = 0; if (context) *context = 0;
}
EXPORT void ucnv_getFromUCallBack(const void *cnv, void **action, const void **context) {
    (void)cnv; if (action) *action = 0; if (context) *context = 0;
}
EXPORT void ucnv_setToUCallBack(void *cnv, void *n, const void *nc, void **o, const void **oc, int *status) {
    (void)cnv; (void)n; (void)nc; (void)o; (void)oc; unsupported(status);
}
EXPORT void ucnv_setFromUCallBack(void *cnv, void *n, const void *nc, void **o, const void **oc, int *status) {
    (void)cnv; (void)n; (void)nc; (void)o; (void)oc; unsupported(status);
}
EXPORT void ucnv_cbToUWriteUChars(void *args, const void *source, int32_t length, int32_t offset, int *status) {
    (void)args; (void)source; (void)length; (void)offset; unsupported(status);
}
EXPORT void ucnv_cbFromUWriteUChars(void *args, const void **source, const void *limit, int32_t offset, int *status) {
    (void)args; (void)source; (void)limit; (void)offset; unsupported(status);
}
EXPORT void ucnv_toUnicode(void *cnv, void **target, const void *limit, const char **source, const char *source_limit,
                           int32_t *offsets, int8_t flush, int *status) {
    (void)cnv; (void)target; (void)limit; (void)source; (void)source_limit; (void)offsets; (void)flush;
    unsupported(status);
}
EXPORT void ucnv_fromUnicode(void *cnv, char **target, const char *limit, const void **source, const void *source_limit,
                             int32_t *offsets, int8_t flush, int *status) {
    (void)cnv; (void)target; (void)limit; (void)source; (void)source_limit; (void)offsets; (void)flush;
    unsupported(status);
}
EXPORT int32_t ucnv_toUCountPending(const void *cnv, int *status) { (void)cnv; unsupported(status); return 0; }
EXPORT int32_t ucnv_fromUCountPending(const void *cnv, int *status) { (void)cnv; unsupported(status); return 0; }
