// libFuzzer's driver, linked by -sanitize=fuzzer. SwiftPM renames an executable's entry point to
// `<Module>_main` and points `main` at it, so libFuzzer's own main() is never linked: each fuzz
// target's `<Module>_main` hands the process to this driver instead.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
