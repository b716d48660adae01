# The CPython executor's worker, run by bubblewrap inside its sandbox. It imports the heavy libraries
# once, then answers WorkerProtocol requests (see WorkerProtocol.java) on stdin/stdout one at a time.
# Ahead of each request it clones the snippet process straight into fresh user, PID, mount, IPC and
# network namespaces, as PID 1 of that PID namespace (or, where that clone is not possible, forks a
# runner that enters them and forks the snippet process), which mounts
# its own /root, /tmp and /dev/shm, makes the rest read-only, sets its rlimits and seccomp filter and
# then waits for the request (so a request pays for none of this). So each snippet gets its own
# /root, /tmp and /dev/shm (size-capped tmpfs), no network at all (not even loopback), rlimits, and
# no way to signal or trace this zygote; killing it kills everything it started. Nothing one snippet
# does is seen by the next. /proc is the sandbox's (bubblewrap's PID namespace), not the host's: the
# kernel refuses a fresh proc mount (EPERM: bubblewrap's /proc has read-only overmounts, /proc/irq
# and /proc/bus, locked into our namespaces, so it is not fully visible) and cannot detach it (EINVAL).
import array
import ctypes
import io
import os
import resource
import select
import selectors
import signal
import struct
import sys
import time

READY = 0x47454D55
VERSION = 2
MAX_FRAME = 256 << 20

CLONE_NEWNS, CLONE_NEWIPC, CLONE_NEWUSER, CLONE_NEWPID, CLONE_NEWNET = (
    0x00020000, 0x08000000, 0x10000000, 0x20000000, 0x40000000)
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC, MS_REMOUNT, MS_BIND, MS_REC, MS_PRIVATE = (
    1, 2, 4, 8, 32, 4096, 16384, 1 << 18)
PR_SET_PDEATHSIG, PR_SET_DUMPABLE, PR_SET_CHILD_SUBREAPER = 1, 4, 36

TIMEOUT_MS, MAX_OUTPUT, DISK_BYTES, MEMORY_BYTES = (int(a) for a in sys.argv[1:5])
DEADLINE_MESSAGE, OUTPUT_LIMIT_MESSAGE = sys.argv[5], sys.argv[6]
MAX_RESULT_BYTES = 128 << 20
FORK_HEAD_START = 0.002
PROCESSES = 64
OPEN_FILES = 256

libc = ctypes.CDLL(None, use_errno=True)


def preload():
    import matplotlib
    matplotlib.use('Agg')
    import matplotlib.pyplot  # noqa: F401  builds the font cache once, here
    import numpy  # noqa: F401
    import pandas  # noqa: F401
    import PIL.Image  # noqa: F401
    import PIL.ImageDraw  # noqa: F401
    import traceback  # noqa: F401
    for optional in ('scipy', 'scipy.stats', 'cv2', 'seaborn', 'sklearn', 'sympy'):
        try:
            __import__(optional)
        except Exception:
            pass
    warm_up()
    import gc
    gc.collect()
    # Pages the children share with this process stay shared: no collector run touches them.
    gc.freeze()


def warm_up():
    """Draws once what snippets draw, so that fonts, glyph caches and lazily imported plotting code
    are in memory every child shares instead of loaded again by each."""
    import io
    import matplotlib.pyplot as plt
    import pandas
    from PIL import Image, ImageDraw
    frame = pandas.DataFrame({'x': [1, 2, 3], 'y': [2.0, 1.0, 3.0]})
    frame.plot(x='x', y='y', title='warm-up', marker='o')
    plt.xlabel('x')
    plt.legend()
    plt.tight_layout()
    plt.savefig(io.BytesIO(), format='png')
    plt.close('all')
    image = Image.new('RGB', (64, 32), 'white')
    ImageDraw.Draw(image).text((2, 2), 'warm', fill='black')
    image.save(io.BytesIO(), format='PNG')


# ---- pages a drawing writes ---------------------------------------------------------------------

PAGE = os.sysconf('SC_PAGE_SIZE')
PRESENT, EXCLUSIVE = 1 << 63, 1 << 56  # /proc/PID/pagemap: present; mapped by this process alone
COPY_BATCH = 64
PAGES_TO_COPY = array.array('Q')


def pages_a_drawing_writes():
    """The pages of this process that a child writes to when it draws as snippets do, found in a
    throwaway child. A snippet process copies them while it waits for its request: a forked child
    otherwise copies each such page at its first write, one fault at a time while the snippet runs
    (~4 500 faults for a small pandas chart, 40-50 ms on the development VM)."""
    read, write = os.pipe()
    child = os.fork()
    if child == 0:
        try:
            os.close(read)
            ranges = writable_private_ranges()
            before = set(pages_where(ranges, EXCLUSIVE))
            warm_up()
            written = array.array('Q', (page for page in pages_where(ranges, EXCLUSIVE) if page not in before))
            write_all(write, written.tobytes())
        finally:
            os._exit(0)
    os.close(write)
    with os.fdopen(read, 'rb') as results:
        data = results.read()
    os.waitpid(child, 0)
    written = array.array('Q')
    written.frombytes(data[:len(data) // 8 * 8])
    here = set(pages_where(writable_private_ranges(), 0))
    return array.array('Q', sorted(page for page in written if page in here))


def writable_private_ranges():
    """(start, end) of this process's writable private mappings, in address order."""
    ranges = []
    with open('/proc/self/maps') as maps:
        for line in maps:
            span, perms = line.split(None, 2)[:2]
            if perms[1] == 'w' and perms[3] == 'p':
                start, end = span.split('-')
                ranges.append((int(start, 16), int(end, 16)))
    return ranges


def pages_where(ranges, flag):
    """The present pages of ranges whose pagemap entry also has flag set."""
    import numpy
    wanted = numpy.uint64(PRESENT | flag)
    with open('/proc/self/pagemap', 'rb', buffering=0) as pagemap:
        for start, end in ranges:
            pagemap.seek(start // PAGE * 8)
            entries = numpy.frombuffer(pagemap.read((end - start) // PAGE * 8), dtype=numpy.uint64)
            for index in numpy.flatnonzero(entries & wanted == wanted).tolist():
                yield start + index * PAGE


def copy_pages_ahead(requests):
    """Writes each page of PAGES_TO_COPY back to itself, still mapped and writable here, until a
    request arrives: the copy-on-write faults happen now rather than while a snippet draws."""
    if not PAGES_TO_COPY or select.select([requests], [], [], 0)[0]:
        return
    try:
        ranges = writable_private_ranges()
    except OSError:
        return
    pages = []
    at = 0
    for page in PAGES_TO_COPY:
        while at < len(ranges) and ranges[at][1] <= page:
            at += 1
        if at == len(ranges):
            break
        if ranges[at][0] <= page:
            pages.append(page)
    for first in range(0, len(pages), COPY_BATCH):
        if select.select([requests], [], [], 0)[0]:
            return
        for page in pages[first:first + COPY_BATCH]:
            ctypes.memmove(page, page, 1)


# ---- frames -------------------------------------------------------------------------------------

def read_exact(stream, n):
    data = b''
    while len(data) < n:
        chunk = stream.read(n - len(data))
        if not chunk:
            raise EOFError
        data += chunk
    return data


def read_int(stream):
    return struct.unpack('>i', read_exact(stream, 4))[0]


def read_bytes(stream):
    n = read_int(stream)
    if n < 0 or n > MAX_FRAME:
        raise EOFError
    return read_exact(stream, n)


def frame_bytes(data):
    return struct.pack('>i', len(data)) + data


def frame_text(text):
    return frame_bytes(text.encode('utf-8', 'replace'))


def read_request(stream):
    code = read_bytes(stream).decode('utf-8')
    files = []
    for _ in range(read_int(stream)):
        name = read_bytes(stream).decode('utf-8')
        files.append((name, read_bytes(stream)))
    return code, files


def reply(out, outcome, stdout, stderr, error, elapsed_ns, files):
    parts = [frame_text(outcome), frame_text(stdout), frame_text(stderr)]
    parts.append(b'\x01' + frame_text(error) if error is not None else b'\x00')
    parts.append(struct.pack('>q', elapsed_ns))
    parts.append(struct.pack('>i', len(files)))
    for name, mime, data in files:
        parts += [frame_text(name), frame_text(mime), frame_bytes(data)]
    parts.append(b'\x00')  # not retiring: every run is in its own processes
    out.write(b''.join(parts))
    out.flush()


# ---- the zygote's loop --------------------------------------------------------------------------

def main():
    out = os.fdopen(os.dup(1), 'wb')
    stdin = os.fdopen(os.dup(0), 'rb')
    # Whatever a library prints must not corrupt the frames.
    os.dup2(2, 1)
    started = time.monotonic()
    preload()
    global PAGES_TO_COPY
    probing = time.monotonic()
    try:
        PAGES_TO_COPY = pages_a_drawing_writes()
    except OSError:
        pass  # no readable pagemap: each run copies a page at its first write, as any fork does
    probing = time.monotonic() - probing
    libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    # Not dumpable: a snippet, which runs as the same user, can neither read nor write our memory.
    libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
    import numpy
    import pandas
    description = 'CPython %s, numpy %s, pandas %s, zygote ready in %.1f s (%d pages to copy ahead found in %.2f s)' % (
        sys.version.split()[0], numpy.__version__, pandas.__version__, time.monotonic() - started, len(PAGES_TO_COPY), probing)
    global SECCOMP_PROGRAM, THREAD_ID_ADDRESS
    SECCOMP_PROGRAM = seccomp_program()
    THREAD_ID_ADDRESS = thread_id_address()
    next_run = prefork()
    out.write(struct.pack('>ii', READY, VERSION) + frame_text(description))
    out.flush()
    while True:
        try:
            request = read_request_frame(stdin)
        except EOFError:
            os._exit(0)
        answer = run(next_run, request)
        reply(out, *answer)
        next_run = replace_run(stdin)


def read_request_frame(stream):
    """The request as the snippet process will parse it: code, then the files."""
    code = read_bytes(stream)
    parts = [frame_bytes(code), stream.read(0)]
    count = read_int(stream)
    parts.append(struct.pack('>i', count))
    for _ in range(count):
        parts.append(frame_bytes(read_bytes(stream)))
        parts.append(frame_bytes(read_bytes(stream)))
    return b''.join(parts)


def prefork():
    """A snippet process in its own namespaces, with its mounts ready, waiting for a request."""
    req_r, req_w = os.pipe()
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    res_r, res_w = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    uid, gid = os.getuid(), os.getgid()
    # A raw clone() takes none of the locks glibc's fork() takes: only safe with no other thread.
    direct = THREAD_ID_ADDRESS is not None and os.listdir('/proc/self/task') == [str(os.getpid())]
    child = clone_into_namespaces() if direct else os.fork()
    if child == 0:
        try:
            for fd in (req_w, out_r, err_r, res_r):
                os.close(fd)
            if direct:
                map_ids(uid, gid)
                become_snippet(req_r, out_w, err_w, res_w)
            else:
                become_runner(req_r, out_w, err_w, res_w)
        finally:
            os._exit(70)
    for fd in (req_r, out_w, err_w, res_w):
        os.close(fd)
    return child, req_w, out_r, err_r, res_r


def run(next_run, request):
    runner, req_w, out_r, err_r, res_r = next_run
    start = time.monotonic_ns()
    try:
        os.write(req_w, request) if len(request) < 65536 else write_all(req_w, request)
    except OSError:
        pass  # the snippet process is gone; collect() reports how it ended
    finally:
        os.close(req_w)
    stdout, stderr, result, ending = collect(out_r, err_r, res_r, start)
    elapsed = time.monotonic_ns() - start
    text_out = stdout.decode('utf-8', 'replace')
    text_err = stderr.decode('utf-8', 'replace')
    if ending == 'deadline':
        return 'DEADLINE_EXCEEDED', text_out, text_err, DEADLINE_MESSAGE, elapsed, []
    if ending == 'output':
        return 'FAILED', text_out, text_err, OUTPUT_LIMIT_MESSAGE, elapsed, []
    parsed = parse_result(result)
    if parsed is None:
        return 'FAILED', text_out, text_err, died_message(runner_status(runner)), elapsed, []
    error, images = parsed
    return ('OK' if error is None else 'FAILED'), text_out, text_err, error, elapsed, images


def collect(out_r, err_r, res_r, start):
    """Reads the run's three pipes until they close, the deadline passes or the output is too big."""
    deadline = start + TIMEOUT_MS * 1_000_000
    buffers = {out_r: bytearray(), err_r: bytearray(), res_r: bytearray()}
    selector = selectors.DefaultSelector()
    for fd in buffers:
        os.set_blocking(fd, False)
        selector.register(fd, selectors.EVENT_READ)
    ending = 'done'
    try:
        while selector.get_map():
            left = (deadline - time.monotonic_ns()) / 1e9
            if left <= 0:
                ending = 'deadline'
                break
            for key, _ in selector.select(left):
                try:
                    chunk = os.read(key.fd, 1 << 16)
                except BlockingIOError:
                    continue
                if not chunk:
                    selector.unregister(key.fd)
                    continue
                buffers[key.fd] += chunk
            printed = len(buffers[out_r]) + len(buffers[err_r])
            if printed > MAX_OUTPUT:
                ending = 'output'
                break
            if len(buffers[res_r]) > MAX_RESULT_BYTES:
                break
    finally:
        selector.close()
        for fd in buffers:
            os.close(fd)
    stdout, stderr = bytes(buffers[out_r]), bytes(buffers[err_r])
    if ending == 'output':
        keep = max(0, MAX_OUTPUT - len(stdout))
        stdout, stderr = stdout[:MAX_OUTPUT], stderr[:keep]
    return stdout, stderr, bytes(buffers[res_r]), ending


def write_all(fd, data):
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def replace_run(requests):
    """Kills everything of the run that just ended, and prepares the next run meanwhile: it does
    its set-up while the old processes are torn down, but gets its request (and becomes dumpable,
    so that it could be traced at all) only once nothing of the previous run is left."""
    me = os.getpid()
    kill_all(pid for pid in live_pids() if pid not in (1, me))
    # The fork copies this big process's page tables: milliseconds of a core that the server needs
    # right now to read the reply and answer its client (measured: the server's read of the reply
    # went from 0.07 to 1.7 ms p50 at load ~15 when the fork started at once). Unless the next request
    # is already here, the server gets that head start.
    select.select([requests], [], [], FORK_HEAD_START)
    next_run = prefork()
    spare = next_run[0]
    until = time.monotonic() + 1
    while True:
        reap_exited()
        others = [pid for pid in live_pids() if pid not in (1, me, spare) and parent(pid) != spare]
        if not others or time.monotonic() > until:
            return next_run
        kill_all(others)
        time.sleep(0.0005)


def live_pids():
    """Every process of this sandbox (bubblewrap's PID namespace) still in /proc, zombies included."""
    return [int(p) for p in os.listdir('/proc') if p.isdigit()]


def parent(pid):
    try:
        with open('/proc/%d/stat' % pid, 'rb') as stat:
            return int(stat.read().rsplit(b')', 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        return None


def kill_all(pids):
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass


def reap_exited():
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def runner_status(runner):
    """How the snippet ended, as the runner reports it: its exit code, or 128 + the signal that killed it."""
    until = time.monotonic() + 2
    while time.monotonic() < until:
        try:
            pid, status = os.waitpid(runner, os.WNOHANG)
        except ChildProcessError:
            return None
        if pid:
            code = os.waitstatus_to_exitcode(status)
            return 128 - code if code < 0 else code
        time.sleep(0.001)
    return None


def died_message(status):
    if status is not None and status > 128:
        number = status - 128
        if number == signal.SIGXCPU:
            return 'CPU time limit exceeded: execution stopped.\n'
        if number == signal.SIGKILL:
            return 'MemoryError: the execution was killed for using too much memory.\n'
        try:
            name = signal.Signals(number).name
        except ValueError:
            name = 'signal %d' % number
        return 'The execution process died (%s).\n' % name
    return 'The execution process exited without a result (exit code %s).\n' % status


def parse_result(data):
    """The snippet's own report: an error (or none) and the images it produced."""
    try:
        pos = 0

        def take():
            nonlocal pos
            n = struct.unpack_from('>i', data, pos)[0]
            if n < 0 or pos + 4 + n > len(data):
                raise ValueError
            chunk = data[pos + 4:pos + 4 + n]
            pos += 4 + n
            return chunk

        has_error = data[pos] == 1
        pos += 1
        error = take().decode('utf-8', 'replace') if has_error else None
        count = struct.unpack_from('>i', data, pos)[0]
        pos += 4
        images = []
        for _ in range(min(count, 1000)):
            name = take().decode('utf-8', 'replace')
            mime = take().decode('utf-8', 'replace')
            images.append((name, mime, bytes(take())))
        return error, images
    except (IndexError, ValueError, struct.error):
        return None


# ---- namespaces, then the snippet as their PID 1 ---------------------------------------------------

def check(result, what):
    if result != 0:
        errno = ctypes.get_errno()
        raise OSError(errno, '%s: %s' % (what, os.strerror(errno)))


def become_runner(req_r, out_w, err_w, res_w):
    """Where a clone straight into new namespaces is not possible: a runner enters them and forks the snippet process."""
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    uid, gid = os.getuid(), os.getgid()
    check(libc.unshare(CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNS | CLONE_NEWIPC | CLONE_NEWNET), 'unshare')
    map_ids(uid, gid)
    snippet = os.fork()
    if snippet == 0:
        try:
            become_snippet(req_r, out_w, err_w, res_w)
        finally:
            os._exit(71)
    for fd in (req_r, out_w, err_w, res_w):
        os.close(fd)
    _, status = os.waitpid(snippet, 0)
    code = os.waitstatus_to_exitcode(status)
    os._exit(128 - code if code < 0 else min(code, 127))


def map_ids(uid, gid):
    """Root of the new user namespace is this sandbox's user outside it, and nobody else."""
    with open('/proc/self/setgroups', 'w') as f:
        f.write('deny')
    with open('/proc/self/uid_map', 'w') as f:
        f.write('0 %d 1' % uid)
    with open('/proc/self/gid_map', 'w') as f:
        f.write('0 %d 1' % gid)


# fork() copies this process's page tables (most of a run's CPU); the snippet process is made by
# one clone() straight into its new namespaces instead of a fork of a runner that forks again. It
# is the fork() system call with namespace flags, with what glibc's fork() and os.fork() do around
# it: Python's before/after-fork steps, and the child's thread ID written where glibc keeps it.
CLONE_CHILD_CLEARTID, CLONE_CHILD_SETTID = 0x00200000, 0x01000000
SYS_CLONE = 56
TID_OFFSET = 0x2D0  # struct pthread's tid in glibc 2.x on x86-64; checked by thread_id_address()
THREAD_ID_ADDRESS = None
libc_holding_gil = ctypes.PyDLL(None, use_errno=True)


def thread_id_address():
    """Where glibc keeps this thread's TID, if it is at TID_OFFSET here (checked in two threads), else None."""
    if os.uname().machine != 'x86_64':
        return None
    import threading
    libc.pthread_self.restype = ctypes.c_void_p
    found = []

    def probe():
        at = libc.pthread_self() + TID_OFFSET
        found.append(ctypes.c_int.from_address(at).value == threading.get_native_id())

    helper = threading.Thread(target=probe)
    helper.start()
    helper.join()
    probe()
    until = time.monotonic() + 5
    while len(os.listdir('/proc/self/task')) > 1 and time.monotonic() < until:
        time.sleep(0.001)  # the helper's thread is still exiting inside glibc
    return libc.pthread_self() + TID_OFFSET if all(found) and len(found) == 2 else None


def clone_into_namespaces():
    """os.fork(), but the child is PID 1 of new user, PID, mount, IPC and network namespaces."""
    flags = (CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNS | CLONE_NEWIPC | CLONE_NEWNET
             | CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID | signal.SIGCHLD)
    clone = libc_holding_gil.syscall
    clone.restype = ctypes.c_long
    clone.argtypes = [ctypes.c_long, ctypes.c_ulong, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_ulong]
    ctypes.pythonapi.PyOS_BeforeFork()
    child = clone(SYS_CLONE, flags, None, None, THREAD_ID_ADDRESS, 0)
    if child == 0:
        ctypes.pythonapi.PyOS_AfterFork_Child()
        return 0
    ctypes.pythonapi.PyOS_AfterFork_Parent()
    if child < 0:
        errno = ctypes.get_errno()
        raise OSError(errno, 'clone: ' + os.strerror(errno))
    return child


def mount(source, target, fstype, flags, options):
    check(libc.mount(source.encode(), target.encode(), fstype.encode(), flags,
                     options.encode() if options else None), 'mount ' + target)


def become_snippet(req_r, out_w, err_w, res_w):
    """Everything that does not depend on the request, done before it comes; then the request."""
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    # Out of the zygote's process group: kill(0, ...) reaches process groups across PID namespaces.
    os.setsid()
    mount('none', '/', '', MS_REC | MS_PRIVATE, None)
    for place in ('/root', '/tmp', '/dev/shm'):
        mount('tmpfs', place, 'tmpfs', MS_NOSUID | MS_NODEV, 'size=%d,mode=1777' % DISK_BYTES)
    # bubblewrap's / and /dev are tmpfs every run of this zygote shares: read-only for the snippet,
    # so that nothing it writes outside its own /root, /tmp and /dev/shm is seen by the next.
    for place in ('/', '/dev'):
        mount('none', place, '', MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | MS_NODEV, None)
    os.chdir('/root')
    os.makedirs('/tmp/matplotlib', exist_ok=True)
    limit = own_address_space() + MEMORY_BYTES
    cpu = TIMEOUT_MS // 1000 + 2
    for which, value in ((resource.RLIMIT_AS, limit), (resource.RLIMIT_CPU, cpu),
                         (resource.RLIMIT_NPROC, PROCESSES), (resource.RLIMIT_FSIZE, DISK_BYTES),
                         (resource.RLIMIT_NOFILE, OPEN_FILES), (resource.RLIMIT_CORE, 0)):
        resource.setrlimit(which, (value, value))
    devnull = os.open('/dev/null', os.O_RDONLY)
    os.dup2(devnull, 0)
    os.dup2(out_w, 1)
    os.dup2(err_w, 2)
    for fd in (devnull, out_w, err_w):
        os.close(fd)
    start = 3
    for keep in sorted((req_r, res_w)):
        os.closerange(start, keep)
        start = keep + 1
    os.closerange(start, OPEN_FILES)
    deny_kernel_surface()
    sys.stdout = open(1, 'w', encoding='utf-8', errors='backslashreplace', closefd=False)
    sys.stderr = open(2, 'w', encoding='utf-8', errors='backslashreplace', closefd=False)
    sys.stdin = open(0, 'r', closefd=False)
    images = prepare_run()
    copy_pages_ahead(req_r)
    with os.fdopen(req_r, 'rb') as requests:
        try:
            code, files = read_request(requests)
        except EOFError:
            os._exit(0)
    # Not dumpable (as the zygote) until now: the previous run's processes may still be dying
    # while this one sets up, and must not reach its memory through /proc.
    libc.prctl(PR_SET_DUMPABLE, 1, 0, 0, 0)
    for name, data in files:
        path = os.path.join('/root', os.path.basename(name))
        with open(path, 'wb') as f:
            f.write(data)
        os.chmod(path, 0o444)
    error = execute(code, images)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BaseException:
            pass
    data = [b'\x01' + frame_text(error) if error is not None else b'\x00', struct.pack('>i', len(images.taken))]
    for name, png in images.taken:
        data += [frame_text(name), frame_text('image/png'), frame_bytes(png)]
    # Output first, then the report, each closed before exiting: the zygote answers as soon as the
    # report is complete (one wake-up, not one per pipe), while this big process is still being torn down.
    for fd in (1, 2):
        try:
            os.close(fd)
        except OSError:
            pass  # the snippet closed it itself
    report = os.fdopen(res_w, 'wb')
    report.write(b''.join(data))
    report.close()
    os._exit(0)


# x86-64 system calls a snippet never needs and that widen the kernel surface it can reach: new
# namespaces and mounts (its own were made before this filter), tracing and other processes'
# memory, BPF, perf, userfaultfd, keyrings, modules and the like. They fail with EPERM; clone3
# fails with ENOSYS so that libc falls back to clone, whose namespace flags are checked.
DENIED_SYSCALLS = (101, 165, 166, 155, 272, 308, 321, 298, 323, 250, 248, 249, 246, 320, 175, 313, 176,
                   310, 311, 304, 303, 167, 168, 169, 163, 103, 172, 173, 134, 139, 153, 154, 425, 426, 427)
CLONE3 = 435
CLONE = 56
NAMESPACE_FLAGS = CLONE_NEWNS | CLONE_NEWIPC | CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNET | 0x04000000 | 0x02000000


class SeccompInstruction(ctypes.Structure):
    _fields_ = [('code', ctypes.c_ushort), ('jt', ctypes.c_ubyte), ('jf', ctypes.c_ubyte), ('k', ctypes.c_uint)]


class SeccompProgram(ctypes.Structure):
    _fields_ = [('len', ctypes.c_ushort), ('filter', ctypes.POINTER(SeccompInstruction))]


SECCOMP_PROGRAM = None


def seccomp_program():
    """The filter, built once in the zygote (x86-64 only; None elsewhere: there the namespaces alone apply)."""
    if os.uname().machine != 'x86_64':
        return None
    load, jump_eq, jump_set, ret = 0x20, 0x15, 0x45, 0x06
    allow, kill = 0x7FFF0000, 0x80000000
    errno_eperm, errno_enosys = 0x00050000 | 1, 0x00050000 | 38
    program = [(load, 0, 0, 4), (jump_eq, 1, 0, 0xC000003E), (ret, 0, 0, kill), (load, 0, 0, 0),
               (0x35, 0, 1, 0x40000000), (ret, 0, 0, kill)]  # no x32 system calls
    for number in DENIED_SYSCALLS:
        program += [(jump_eq, 0, 1, number), (ret, 0, 0, errno_eperm)]
    program += [(jump_eq, 0, 1, CLONE3), (ret, 0, 0, errno_enosys),
                (jump_eq, 0, 3, CLONE), (load, 0, 0, 16), (jump_set, 0, 1, NAMESPACE_FLAGS),
                (ret, 0, 0, errno_eperm), (ret, 0, 0, allow)]
    instructions = (SeccompInstruction * len(program))(*[SeccompInstruction(*i) for i in program])
    return SeccompProgram(len(program), instructions), instructions


def deny_kernel_surface():
    """Installs the zygote's seccomp filter on this process and everything it starts."""
    if SECCOMP_PROGRAM is None:
        return
    check(libc.prctl(38, 1, 0, 0, 0), 'no_new_privs')  # PR_SET_NO_NEW_PRIVS
    check(libc.prctl(22, 2, ctypes.byref(SECCOMP_PROGRAM[0]), 0, 0), 'seccomp')


def own_address_space():
    with open('/proc/self/status') as status:
        for line in status:
            if line.startswith('VmSize:'):
                return int(line.split()[1]) * 1024
    return 0


# ---- the snippet ------------------------------------------------------------------------------------

def prepare_run():
    """Fresh random seeds for this process, and the hooks that collect its images."""
    import random
    random.seed()
    try:
        import numpy
        numpy.random.seed(int.from_bytes(os.urandom(4), 'little'))
    except Exception:
        pass
    return capture_images()


def execute(code, images):
    """Runs the snippet as __main__; its error as Gemini prints it, or None."""
    import builtins
    import types
    main = types.ModuleType('__main__')
    main.__builtins__ = builtins
    sys.modules['__main__'] = main
    error = None
    try:
        exec(compile(code, '<string>', 'exec'), main.__dict__)
    except SystemExit as exit_:
        if exit_.code not in (None, 0):
            error = format_error(exit_)
    except BaseException as raised:
        error = format_error(raised)
    try:
        images.finish()
    except BaseException:
        pass
    return error


class Images:
    def __init__(self, real_savefig):
        self.taken = []
        self.emitted = set()
        self.real_savefig = real_savefig

    def add(self, png):
        self.taken.append(('image_%d.png' % len(self.taken), png))

    def figure(self, figure):
        buffer = io.BytesIO()
        self.real_savefig(figure, buffer, format='png')
        self.add(buffer.getvalue())
        self.emitted.add(id(figure))

    def finish(self):
        """Figures the code drew but neither showed nor saved come back too, as Gemini shows them."""
        import matplotlib.pyplot as plt
        for number in plt.get_fignums():
            figure = plt.figure(number)
            if id(figure) not in self.emitted:
                self.figure(figure)


def capture_images():
    import matplotlib.figure
    import matplotlib.pyplot as plt
    import PIL.Image
    real_savefig = matplotlib.figure.Figure.savefig
    images = Images(real_savefig)

    def savefig(figure, fname, *args, **kwargs):
        target = png_target(fname, kwargs)
        if target is None:
            result = real_savefig(figure, fname, *args, **kwargs)
            images.figure(figure)
            return result
        # A PNG is drawn once: the bytes the code saves are the image that comes back.
        buffer = io.BytesIO()
        result = real_savefig(figure, buffer, *args, **dict(kwargs, format='png'))
        png = buffer.getvalue()
        if hasattr(target, 'write'):
            target.write(png)
        else:
            with open(target, 'wb') as file:
                file.write(png)
        images.add(png)
        images.emitted.add(id(figure))
        return result

    def show(*args, **kwargs):
        for number in plt.get_fignums():
            images.figure(plt.figure(number))
        plt.close('all')

    def image_show(image, *args, **kwargs):
        buffer = io.BytesIO()
        image.save(buffer, format='PNG')
        images.add(buffer.getvalue())

    matplotlib.figure.Figure.savefig = savefig
    plt.show = show
    PIL.Image.Image.show = image_show
    return images


def png_target(fname, kwargs):
    """Where savefig writes when it writes a PNG (the path as matplotlib completes it), else None."""
    import matplotlib
    if isinstance(fname, os.PathLike):
        fname = os.fspath(fname)
    fmt = kwargs.get('format')
    if fmt is None and isinstance(fname, str):
        fmt = os.path.splitext(fname)[1][1:]
        if not fmt:
            fmt = matplotlib.rcParams['savefig.format']
            fname = fname.rstrip('.') + '.' + fmt
    if fmt is None:
        fmt = matplotlib.rcParams['savefig.format']
    if str(fmt).lower() != 'png' or not (isinstance(fname, str) or hasattr(fname, 'write')):
        return None
    return fname


def format_error(error):
    return _gemini_traceback(error, 'gememu_zygote.py')


main()
