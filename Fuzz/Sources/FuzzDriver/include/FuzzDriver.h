// Empty on purpose: the module only provides `cekura_fuzz_main` (driver.c).
