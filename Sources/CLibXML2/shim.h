#ifndef REALISE_CLIBXML2_SHIM_H
#define REALISE_CLIBXML2_SHIM_H

// Debian's libxml2 headers pull in ICU; with Foundation in the same module graph a clean build then
// fails with "'UErrorCode' has different definitions in different modules". Realise needs no ICU.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlerror.h>

/// `xmlFree` is a mutable global function pointer in libxml2 2.9; Swift 6 rejects touching it directly.
static inline void realise_xml_free(void *pointer) { xmlFree(pointer); }

#endif
