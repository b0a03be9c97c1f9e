/* Preloaded into every process of the sanitizer pass (scripts/test-sanitize.sh): dlclose does
 * nothing, so the OpenMPI and PMIx components that MPI_Init loads stay mapped until exit. Their
 * allocations then carry the component's file name when LeakSanitizer reports at exit (instead of
 * "<unknown module>") and tests/sanitize/lsan.supp can match them, with ASan's fast unwinder. Built
 * without sanitizers: it runs before the sanitizer runtime is loaded. */
int dlclose(void* handle) {
  (void)handle;
  return 0;
}
