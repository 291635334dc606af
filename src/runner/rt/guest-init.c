/*
 * guest-init.c: process 1 of the QEMU guest that runs a program with protection keys
 * (src/runner/qemu/). The initramfs holds this init, the program (`/prog`), its arguments
 * (`/args`, NUL-separated) and its standard input (`/stdin`).
 *
 * It runs the program in a session of its own with fd 3 a pipe, relays what the runtime wrote
 * there (fault reports) as `\036FLEXOS-REPORT ` lines, prints `\036FLEXOS-EXIT <code> <signal>`
 * and powers the guest off. Kernel messages are off (`quiet loglevel=0`), so the console is the
 * program's stdout and stderr, in order.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_ARGS 64

static char args[64 * 1024];
static char reports[64 * 1024];

static void off(void)
{
	fflush(stdout);
	sync();
	reboot(RB_POWER_OFF);
	_exit(0);
}

int main(void)
{
	char *argv[MAX_ARGS + 2] = { "/prog" };
	int argc = 1, pipefd[2], status;
	ssize_t n, got = 0;
	pid_t pid;
	int fd = open("/args", O_RDONLY);

	if (fd >= 0) {
		n = read(fd, args, sizeof(args) - 1);
		close(fd);
		for (ssize_t i = 0; i < n && argc <= MAX_ARGS; i += (ssize_t)strlen(args + i) + 1)
			argv[argc++] = args + i;
	}
	argv[argc] = NULL;
	/* /proc: libasan reads /proc/self/maps (a program built with asan); failure is harmless. */
	mkdir("/proc", 0555);
	mount("proc", "/proc", "proc", 0, NULL);
	if (pipe(pipefd) != 0) {
		perror("flexos-init: pipe");
		off();
	}
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		int in = open("/stdin", O_RDONLY);

		setsid();
		if (in >= 0)
			dup2(in, 0);
		close(pipefd[0]);
		dup2(pipefd[1], 3);
		execv("/prog", argv);
		perror("flexos-init: /prog");
		_exit(127);
	}
	close(pipefd[1]);
	while (got < (ssize_t)sizeof(reports) - 1 &&
	       (n = read(pipefd[0], reports + got, sizeof(reports) - 1 - (size_t)got)) > 0)
		got += n;
	waitpid(pid, &status, 0);
	for (char *line = strtok(reports, "\n"); line != NULL; line = strtok(NULL, "\n"))
		printf("\n\036FLEXOS-REPORT %s\n", line);
	printf("\n\036FLEXOS-EXIT %d %d\n", WIFEXITED(status) ? WEXITSTATUS(status) : -1,
	       WIFSIGNALED(status) ? WTERMSIG(status) : 0);
	off();
	return 0;
}
