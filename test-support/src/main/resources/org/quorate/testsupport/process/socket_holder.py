#!/usr/bin/python3
"""Holds a listening TCP socket the way systemd holds corosync-qnetd.socket, and runs a service on it.

usage: socket_holder.py HOST PORT BACKLOG
The socket is bound and listening before the first line "LISTENING <port>". Commands on stdin, one a line:
  START {"argv": [...], "env": {...}, "log": "/path"}  -> "STARTED <pid>"; the child gets the socket as fd 3,
        LISTEN_FDS=1, LISTEN_FDNAMES=corosync-qnetd.socket and LISTEN_PID=<its own pid> (set by sh, then exec)
  SIGNAL <NAME>   -> "SIGNALLED" (TERM, INT, KILL, ...), to the running child
  WAIT <seconds>  -> "EXITED <status>" (128+signal when killed, as a shell reports it) or "RUNNING"
  QUIT            -> kills a running child, closes the socket, exits
End of stdin (the test died) is QUIT.
"""
import json
import os
import signal
import socket
import subprocess
import sys


def main():
    host, port, backlog = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listener = socket.socket(family, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind((host, port))
    listener.listen(backlog)
    fd = listener.fileno()
    reply("LISTENING %d" % listener.getsockname()[1])
    child = None
    for line in sys.stdin:
        command, _, argument = line.strip().partition(" ")
        if command == "START":
            if child is not None and child.poll() is None:
                reply("ERROR already running as %d" % child.pid)
                continue
            spec = json.loads(argument)
            env = dict(os.environ)
            env.update(spec.get("env", {}))
            env.pop("LISTEN_PID", None)
            env["LISTEN_FDS"] = "1"
            env["LISTEN_FDNAMES"] = "corosync-qnetd.socket"
            with open(spec["log"], "ab") as log:
                # fd 3 must survive the exec; everything else of ours is close-on-exec
                child = subprocess.Popen(["/bin/sh", "-c", 'LISTEN_PID=$$; export LISTEN_PID; exec "$@"', "sh"]
                                         + spec["argv"], env=env, stdin=subprocess.DEVNULL, stdout=log,
                                         stderr=subprocess.STDOUT, close_fds=False,
                                         preexec_fn=lambda: socket_as_fd3(fd))
            reply("STARTED %d" % child.pid)
        elif command == "SIGNAL":
            if child is not None and child.poll() is None:
                os.kill(child.pid, getattr(signal, "SIG" + argument))
            reply("SIGNALLED")
        elif command == "WAIT":
            if child is None:
                reply("ERROR nothing started")
                continue
            try:
                code = child.wait(timeout=float(argument))
                reply("EXITED %d" % (128 - code if code < 0 else code))
            except subprocess.TimeoutExpired:
                reply("RUNNING")
        elif command == "QUIT":
            break
        else:
            reply("ERROR unknown command " + command)
    if child is not None and child.poll() is None:
        child.kill()
        child.wait()
    listener.close()


def socket_as_fd3(fd):
    if fd == 3:
        os.set_inheritable(3, True)  # dup2(3, 3) would leave close-on-exec set
    else:
        os.dup2(fd, 3)  # the copy is inheritable


def reply(text):
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
