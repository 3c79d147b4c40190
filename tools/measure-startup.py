#!/usr/bin/env python3
# Runs a command under a pseudo-terminal as a user would, waits until it prints a marker, presses Ctrl+C, and
# times both. Used for docs/benchmarks.md:  python3 tools/measure-startup.py "CdnPulse is running" ./dev run --no-traffic
import os, pty, re, sys, time, select
marker, cmd = sys.argv[1].encode(), sys.argv[2:]
pid, fd = pty.fork()
if pid == 0:
    os.execvp(cmd[0], cmd)
buf, start = b"", time.time()
def pump(limit):
    global buf
    end = time.time() + limit
    while time.time() < end:
        r, _, _ = select.select([fd], [], [], 0.2)
        if r:
            try: chunk = os.read(fd, 65536)
            except OSError: return False
            if not chunk: return False
            buf += chunk
        if os.waitpid(pid, os.WNOHANG)[0]: return False
    return True
while marker not in buf:
    if not pump(0.5) or time.time() - start > 180: print("never saw marker"); sys.exit(1)
print(f"healthy after {time.time()-start:.1f} s from the command")
inner = re.search(rb"healthy after ([0-9.]+) s", buf)
if inner: print(f"AppHost alone: servers + migrations + services healthy in {inner.group(1).decode()} s")
os.write(fd, b"\x03"); t = time.time()
while pump(0.5): pass
os.waitpid(pid, 0)
print(f"exited {time.time()-t:.1f} s after Ctrl+C")
print("left running:", os.popen("ps -eo cmd | grep -cE '^(/usr/lib/postgresql|/usr/lib/erlang|/usr/bin/epmd|/usr/bin/node .*kinesalite|dotnet .*CdnPulse)'").read().strip())
