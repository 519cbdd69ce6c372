#!/usr/bin/env python3
"""A test supervisor that behaves like launchd with a Sockets entry and inetdCompatibility Wait=true.

It binds and holds the listening Unix socket for the whole test, so connections made while no
helper runs wait in the backlog instead of being refused. It starts the helper with the listening
socket on stdin and stdout (as launchd does), when a connection is waiting and no helper runs, and
again at once when the helper exits non-zero or by a signal (KeepAlive SuccessfulExit=false).
Starts are throttled (ThrottleInterval). Every start and exit is appended to an events file as one
JSON object per line, for the test to read.

usage: launchd_like_supervisor.py SOCKET EVENTS THROTTLE_SECONDS -- COMMAND...
"""
import json
import os
import select
import signal
import socket
import subprocess
import sys
import time


def main():
    sock_path, events_path, throttle = sys.argv[1], sys.argv[2], float(sys.argv[3])
    command = sys.argv[sys.argv.index("--") + 1:]
    if os.path.exists(sock_path):
        os.unlink(sock_path)
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(sock_path)
    os.chmod(sock_path, 0o666)
    listener.listen(1024)
    fd = listener.fileno()
    os.set_inheritable(fd, True)

    child = None
    last_start = 0.0
    stopping = False

    def event(kind, **fields):
        fields.update(kind=kind, time=time.time())
        with open(events_path, "a") as f:
            f.write(json.dumps(fields) + "\n")

    def on_term(_sig, _frame):
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, on_term)
    signal.signal(signal.SIGINT, on_term)
    event("ready", pid=os.getpid())

    restart_now = False
    while not stopping:
        if child is None:
            if not restart_now:
                # launchd: start the job when a connection is waiting on the socket.
                ready, _, _ = select.select([fd], [], [], 0.2)
                if not ready:
                    continue
            wait = last_start + throttle - time.time()
            if wait > 0:
                event("throttled", seconds=wait)
                time.sleep(wait)
            last_start = time.time()
            child = subprocess.Popen(command, stdin=fd, stdout=fd, close_fds=True, pass_fds=(fd,))
            event("start", pid=child.pid)
            restart_now = False
            continue
        try:
            # launchd learns of an exit at once (kqueue); poll often enough to be as prompt.
            code = child.wait(timeout=0.005)
        except subprocess.TimeoutExpired:
            continue
        event("exit", pid=child.pid, code=code)
        child = None
        # KeepAlive {SuccessfulExit=false}: a failed or killed job is started again at once.
        restart_now = code != 0

    if child is not None:
        child.terminate()
        try:
            child.wait(timeout=5)
        except subprocess.TimeoutExpired:
            child.kill()
    listener.close()
    os.unlink(sock_path)


if __name__ == "__main__":
    main()
