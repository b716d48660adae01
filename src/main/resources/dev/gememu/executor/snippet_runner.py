# Loaded into each fresh context before the snippet. The snippet itself is evaluated by the host as
# module code named "<string>" in __main__, so that a shared engine can reuse its parsed and compiled
# code across contexts; this file only lays errors out the way Gemini's sandbox does
# (gemini_traceback.py, put ahead of it) and flushes output. It leaves no name in __main__ except
# _gememu, which the host removes.


def _gememu_setup():
    import sys

    sys.path.append('/usr/lib/python3/dist-packages')
    # Set by GraalPy for its own launcher; the snippet's environment is otherwise empty. os.environ
    # is made from posix.environ when os is first imported, which the snippet does if it needs to:
    # importing os here would make every context pay for it.
    import posix
    posix.environ.pop(b'UNSAFE_PYO3_SKIP_VERSION_CHECK', None)
    _patch_unicodedata()
    flush_writers = _flush_unclosed_writers_on_open()
    gemini_traceback = _gemini_traceback

    def format_error(error):
        """The error as Gemini prints it, or None for a successful exit."""
        if isinstance(error, SystemExit) and (error.code is None or error.code == 0):
            return None
        return gemini_traceback(error, 'snippet_runner.py', _as_seen_by_the_user)

    home = sys.prefix.rstrip('/') + '/'

    def _as_seen_by_the_user(frame):
        # The standard library lives in GraalPy's home under the host user's cache; name it by
        # the path Python has on Linux instead of showing the host's directories.
        if frame.filename.startswith(home):
            frame.filename = '/usr/local/' + frame.filename[len(home):]
        return frame

    def flush():
        flush_writers()
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except BaseException:
                pass

    return format_error, flush


def _flush_unclosed_writers_on_open():
    # CPython closes open('f', 'w').write(x) at once by reference counting, so code that reads the
    # file back sees x; GraalPy collects the file object later. Flushing every writer still open
    # before the next open() gives snippets CPython's behaviour. Only modules that every context
    # has already loaded are used (io and weakref would double the cost of a context): io takes
    # its open from _io when the snippet imports it.
    import builtins
    import _io
    import _weakref

    real_open = _io.open
    writers = []

    def flush_writers():
        alive = []
        for ref in writers:
            writer = ref()
            try:
                if writer is not None and not writer.closed:
                    writer.flush()
                    alive.append(ref)
            except BaseException:
                pass
        writers[:] = alive

    def open(file, mode='r', *args, **kwargs):
        flush_writers()
        opened = real_open(file, mode, *args, **kwargs)
        if any(flag in mode for flag in 'wax+'):
            writers.append(_weakref.ref(opened))
        return opened

    open.__doc__ = real_open.__doc__
    builtins.open = open
    _io.open = open
    return flush_writers


def _patch_unicodedata():
    # GraalPy's unicodedata.lookup needs a native module, which the sandbox forbids; sympy calls it
    # on import. name() works, so build the reverse table from the ranges such code asks for.
    # Reading unicodedata.lookup would itself try to load the native module.
    import unicodedata
    table = {}

    def lookup(name):
        if not table:
            for low, high in ((0, 0x3000), (0x1D400, 0x1D800)):
                for code in range(low, high):
                    try:
                        table[unicodedata.name(chr(code))] = chr(code)
                    except ValueError:
                        pass
        try:
            return table[name.upper()]
        except KeyError:
            raise KeyError("undefined character name '%s'" % name) from None

    unicodedata.lookup = lookup


_gememu = _gememu_setup()
del _gememu_setup, _patch_unicodedata, _flush_unclosed_writers_on_open, _gemini_traceback
