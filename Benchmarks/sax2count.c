/* The reference for Realise's XML import speed: a bare libxml2 SAX2 parse whose callbacks do nothing.
 * Same safety options as Realise's reader (no network, no entity substitution, no DTD loading).
 * Build: cc -O2 -o sax2count sax2count.c $(pkg-config --cflags --libs libxml-2.0)
 * Usage: sax2count FILE   (prints the number of elements seen, so the parse cannot be optimised away) */
#include <stdio.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/SAX2.h>

static void start_element(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri,
                          int nb_namespaces, const xmlChar **namespaces, int nb_attributes, int nb_defaulted,
                          const xmlChar **attributes) {
    (void)localname; (void)prefix; (void)uri; (void)nb_namespaces; (void)namespaces;
    (void)nb_attributes; (void)nb_defaulted; (void)attributes;
    ++*(long *)ctx;
}
static void end_element(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri) {
    (void)ctx; (void)localname; (void)prefix; (void)uri;
}
static void characters(void *ctx, const xmlChar *ch, int len) { (void)ctx; (void)ch; (void)len; }

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: %s FILE\n", argv[0]); return 64; }
    xmlInitParser();
    xmlSAXHandler handler;
    memset(&handler, 0, sizeof handler);
    handler.initialized = XML_SAX2_MAGIC;
    handler.startElementNs = start_element;
    handler.endElementNs = end_element;
    handler.characters = characters;
    long elements = 0;
    xmlParserCtxtPtr ctxt = xmlCreatePushParserCtxt(&handler, &elements, NULL, 0, argv[1]);
    if (!ctxt) { fprintf(stderr, "cannot create a parser\n"); return 70; }
    xmlCtxtUseOptions(ctxt, XML_PARSE_NONET);
    FILE *file = fopen(argv[1], "rb");
    if (!file) { perror(argv[1]); return 66; }
    static char buffer[1 << 16];
    size_t n;
    int status = 0;
    while ((n = fread(buffer, 1, sizeof buffer, file)) > 0 && status == 0) {
        status = xmlParseChunk(ctxt, buffer, (int)n, 0);
    }
    if (status == 0) status = xmlParseChunk(ctxt, NULL, 0, 1);
    fclose(file);
    int ok = ctxt->wellFormed && status == 0;
    xmlFreeParserCtxt(ctxt);
    if (!ok) { fprintf(stderr, "%s: not well-formed\n", argv[1]); return 65; }
    printf("%ld elements\n", elements);
    return 0;
}
