/*
 * reaper COMMAND [ARGS...]: runs COMMAND (prlimit ... bwrap ...) as a child in a process
 * group of its own, reaps every process that ends up orphaned under it, and exits with
 * COMMAND's status (128 + signal number when a signal ended it).
 *
 * Why: bubblewrap's outer process can exit before the init process of the sandbox's PID
 * namespace has been reaped. That process is then re-parented to the host's init, which may
 * reap it late or never (a container's init often does not), and every such zombie keeps
 * counting against the sandbox user's process limit. As a child subreaper, this program
 * inherits those orphans and reaps them before it exits, so a job leaves nothing behind.
 *
 * SIGTERM kills COMMAND's whole process group (the runner's wall-clock limit); the reaper
 * keeps reaping until no child is left. If the reaper itself is killed, COMMAND gets SIGKILL
 * (PR_SET_PDEATHSIG), and bubblewrap's --die-with-parent takes the sandbox with it.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile pid_t child;

static void on_term(int sig)
{
	(void)sig;
	if (child > 0)
		kill(-child, SIGKILL);
}

int main(int argc, char **argv)
{
	struct sigaction sa = { 0 };
	int status = -1;
	sigset_t all, old;

	if (argc < 2)
		return 127;
	if (prctl(PR_SET_CHILD_SUBREAPER, 1) != 0)
		return 127;
	sa.sa_handler = on_term;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);

	/* No SIGTERM between fork and recording the child's pid. */
	sigfillset(&all);
	sigprocmask(SIG_BLOCK, &all, &old);
	child = fork();
	if (child == 0) {
		sigprocmask(SIG_SETMASK, &old, NULL);
		signal(SIGTERM, SIG_DFL);
		setpgid(0, 0);
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		if (getppid() == 1)
			_exit(127);
		execvp(argv[1], argv + 1);
		_exit(127);
	}
	if (child < 0)
		return 127;
	setpgid(child, child);
	sigprocmask(SIG_SETMASK, &old, NULL);

	for (;;) {
		int st;
		pid_t p = waitpid(-1, &st, 0);

		if (p < 0) {
			if (errno == EINTR)
				continue;
			break; /* ECHILD: everything is reaped */
		}
		if (p == child)
			status = st;
	}
	if (status != -1 && WIFEXITED(status))
		return WEXITSTATUS(status);
	if (status != -1 && WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return 127;
}
