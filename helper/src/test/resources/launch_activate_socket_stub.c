/*
 * Stands in for libSystem's launch_activate_socket() on Linux, for LaunchdActivationIT only.
 * Like launchd it hands over a socket the "supervisor" bound (the descriptor number is in
 * STUB_LAUNCHD_FD), in an array the caller frees, and records each call in STUB_LAUNCHD_LOG.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int launch_activate_socket(const char *name, int **fds, size_t *cnt) {
  const char *log = getenv("STUB_LAUNCHD_LOG");
  if (log != NULL) {
    FILE *f = fopen(log, "a");
    if (f != NULL) {
      fprintf(f, "launch_activate_socket %s\n", name);
      fclose(f);
    }
  }
  const char *fd = getenv("STUB_LAUNCHD_FD");
  if (fd == NULL) {
    return ESRCH; /* not a launchd job */
  }
  if (strcmp(name, "Listeners") != 0) {
    return ENOENT; /* no Sockets entry of that name */
  }
  int *a = malloc(sizeof(int));
  if (a == NULL) {
    return ENOMEM;
  }
  a[0] = atoi(fd);
  *fds = a;
  *cnt = 1;
  return 0;
}
