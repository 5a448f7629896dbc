/* Only for the POSIX simulator build: the host's precompiled Rust core
 * library refers to the unwinder's personality routine, which a library
 * that aborts on panic never calls. Bare-metal targets' core does not
 * refer to it. */
void rust_eh_personality(void);
void rust_eh_personality(void) {}
