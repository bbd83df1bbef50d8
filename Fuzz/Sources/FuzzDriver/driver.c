// The executable's entry. SwiftPM links an executable target with `main`
// pointing at `cekura_fuzz_main`; here that hands over to libFuzzer's driver,
// which calls LLVMFuzzerTestOneInput (defined in Swift, Entry.swift) per input.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int cekura_fuzz_main(int argc, char **argv) {
    return LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput);
}
