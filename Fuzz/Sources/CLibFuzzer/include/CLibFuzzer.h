#ifndef REALISE_CLIBFUZZER_H
#define REALISE_CLIBFUZZER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (compiler-rt, LLVM 11 and later), linked in by `-sanitize=fuzzer`: parses libFuzzer's
/// flags from argc/argv and runs `callback` on each input. The harnesses' entry points call it, because
/// SwiftPM links an executable's `main` to its module's `<module>_main` on Linux, so libFuzzer's own
/// `main` is never the one that runs.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
